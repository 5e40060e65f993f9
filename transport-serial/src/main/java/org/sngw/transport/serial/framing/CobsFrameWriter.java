package org.sngw.transport.serial.framing;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.sngw.transport.WirelessNodeId;

/**
 * Writes a packet as PacketSerial does: COBS-encoded, then one 0x00. With {@code crc} a CRC-16 is
 * appended before encoding:
 *
 * <pre>
 *   COBS( packet | CRC-16/CCITT-FALSE of packet, high byte first ) | 0x00
 * </pre>
 *
 * No leading 0x00: PacketSerial would hand it to the sketch as an empty packet. A point-to-point
 * line has one receiver, so a radio node, if given, is ignored. Stateless.
 */
public final class CobsFrameWriter implements FrameWriter {
  private final boolean crc;

  public CobsFrameWriter(boolean crc) {
    this.crc = crc;
  }

  @Override
  public ByteBuffer write(Optional<WirelessNodeId> radioNode, ByteBuffer frame) {
    int length = frame.remaining();
    byte[] raw = new byte[crc ? length + 2 : length];
    frame.get(frame.position(), raw, 0, length);
    if (crc) {
      int check = Crc16CcittFalse.of(raw, 0, length);
      raw[length] = (byte) (check >> 8);
      raw[length + 1] = (byte) check;
    }
    byte[] out = new byte[Cobs.maxEncodedLength(raw.length) + 1];
    int encoded = Cobs.encode(raw, raw.length, out);
    out[encoded] = 0;
    return ByteBuffer.wrap(out, 0, encoded + 1);
  }
}
