package org.sngw.app;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.sngw.transport.WirelessNodeId;
import org.sngw.transport.serial.framing.FrameHandler;
import org.sngw.transport.serial.framing.FrameReader;

/**
 * The XBee coordinator's side of API mode 1, for tests: what a radio node sends reaches the host as
 * a ZigBee Receive Packet (0x90); what the host sends is a Transmit Request (0x10) to read back.
 */
final class XBeeCoordinator {
  private XBeeCoordinator() {}

  /** 0x7E, length, 0x90, 64-bit source, 16-bit source 0xFFFE, options 0x01, RF data, checksum. */
  static ByteBuffer receivePacket(byte[] source64, ByteBuffer rfData) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.write(0x90);
    data.writeBytes(source64);
    data.write(0xFF);
    data.write(0xFE);
    data.write(0x01);
    while (rfData.hasRemaining()) {
      data.write(rfData.get());
    }
    return apiFrame(data.toByteArray());
  }

  private static ByteBuffer apiFrame(byte[] frameData) {
    ByteBuffer frame = ByteBuffer.allocate(frameData.length + 4);
    frame.put((byte) 0x7E).putShort((short) frameData.length).put(frameData);
    int sum = 0;
    for (byte b : frameData) {
      sum += b & 0xFF;
    }
    frame.put((byte) (0xFF - (sum & 0xFF)));
    return frame.flip();
  }

  /** Reads Transmit Requests (0x10): destination 64-bit address and RF data. Unescaped, well formed. */
  static FrameReader transmitRequests() {
    return new FrameReader() {
      private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

      @Override
      public void read(ByteBuffer bytes, long nowNanos, FrameHandler handler) {
        while (bytes.hasRemaining()) {
          pending.write(bytes.get());
        }
        byte[] all = pending.toByteArray();
        int at = 0;
        while (all.length - at >= 4) {
          int length = ((all[at + 1] & 0xFF) << 8) | (all[at + 2] & 0xFF);
          if (all.length - at < length + 4) {
            break;
          }
          ByteBuffer data = ByteBuffer.wrap(all, at + 3, length);
          if (data.get() == 0x10) {
            data.get();
            byte[] destination = new byte[8];
            data.get(destination);
            data.position(data.position() + 4);
            handler.frame(Optional.of(WirelessNodeId.of(destination)), data.slice());
          }
          at += length + 4;
        }
        pending.reset();
        pending.write(all, at, all.length - at);
      }

      @Override
      public void reset() {
        pending.reset();
      }
    };
  }
}
