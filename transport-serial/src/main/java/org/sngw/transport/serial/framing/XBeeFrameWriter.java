package org.sngw.transport.serial.framing;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.sngw.transport.WirelessNodeId;

/**
 * Sends each packet to its radio as a ZigBee Transmit Request in an API frame (envelope in
 * {@link XBeeApi}, escaped in API mode 2):
 *
 * <pre>
 *   0x10 | frame id | destination 64-bit (8) | destination 16-bit 0xFFFE (unknown) | broadcast
 *        radius 0 (maximum hops) | options 0 | RF data (the MQTT-SN packet)
 * </pre>
 *
 * Frame ids cycle through 1..255 (0 would ask for no Transmit Status), so each request gets one.
 * Safe to call from several threads.
 */
public final class XBeeFrameWriter implements FrameWriter {
  private static final int TRANSMIT_REQUEST = 0x10;
  /** Frame data bytes before the RF data. */
  private static final int REQUEST_HEADER = 14;
  private static final int ADDRESS_64_LENGTH = 8;

  private final boolean escaped;
  private final AtomicInteger lastFrameId = new AtomicInteger();

  public XBeeFrameWriter(boolean escaped) {
    this.escaped = escaped;
  }

  /** @throws IllegalArgumentException without a 64-bit destination, or for too long a packet */
  @Override
  public ByteBuffer write(Optional<WirelessNodeId> radioNode, ByteBuffer frame) {
    byte[] destination = radioNode
        .orElseThrow(() -> new IllegalArgumentException("an XBee frame needs a destination radio node"))
        .toBytes();
    if (destination.length != ADDRESS_64_LENGTH) {
      throw new IllegalArgumentException(
          "an XBee destination is a 64-bit address, not " + destination.length + " bytes");
    }
    int dataLength = frame.remaining();
    int length = REQUEST_HEADER + dataLength;
    if (length > 0xFFFF) {
      throw new IllegalArgumentException("a packet of " + dataLength + " bytes does not fit an XBee frame");
    }
    byte[] out = new byte[length + XBeeApi.ENVELOPE];
    out[0] = XBeeApi.START;
    out[1] = (byte) (length >> 8);
    out[2] = (byte) length;
    out[3] = TRANSMIT_REQUEST;
    out[4] = (byte) lastFrameId.updateAndGet(id -> id % 255 + 1);
    System.arraycopy(destination, 0, out, 5, ADDRESS_64_LENGTH);
    out[13] = (byte) 0xFF;
    out[14] = (byte) 0xFE;
    // out[15] broadcast radius and out[16] options stay 0
    frame.get(frame.position(), out, 17, dataLength);
    out[out.length - 1] = (byte) XBeeApi.checksum(out, XBeeApi.HEADER, length);
    return escaped ? XBeeApi.escape(out) : ByteBuffer.wrap(out);
  }
}
