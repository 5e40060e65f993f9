package org.sngw.transport.serial;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.sngw.transport.WirelessNodeId;
import org.sngw.transport.serial.framing.FrameHandler;
import org.sngw.transport.serial.framing.FrameReader;
import org.sngw.transport.serial.framing.FrameWriter;

/**
 * MQTT-SN's own length field as the framing, written simply for the pty tests: a length byte, or
 * 0x01 and two length bytes, counting the whole packet. Packets go on the line as they are.
 */
final class LengthFraming implements FrameReader, FrameWriter {
  private final byte[] pending = new byte[65_535];
  private int size;

  @Override
  public void read(ByteBuffer bytes, long nowNanos, FrameHandler handler) {
    while (bytes.hasRemaining()) {
      pending[size++] = bytes.get();
      int length = expectedLength();
      if (length == 0) {
        handler.discarded("bad length");
        size = 0;
      } else if (length == size) {
        handler.frame(Optional.empty(), ByteBuffer.wrap(pending, 0, length));
        size = 0;
      }
    }
  }

  /** The packet's length once its header is in, -1 before, 0 when the header is not a length. */
  private int expectedLength() {
    int first = pending[0] & 0xFF;
    if (first != 1) {
      return first < 2 ? 0 : first;
    }
    if (size < 3) {
      return -1;
    }
    int length = ((pending[1] & 0xFF) << 8) | (pending[2] & 0xFF);
    return length < 4 ? 0 : length;
  }

  @Override
  public void reset() {
    size = 0;
  }

  @Override
  public ByteBuffer write(Optional<WirelessNodeId> radioNode, ByteBuffer frame) {
    return frame.duplicate();
  }

  /** A PUBLISH-like packet of {@code length} (2..255) bytes whose body counts up from {@code seed}. */
  static byte[] packet(int length, int seed) {
    byte[] packet = new byte[length];
    packet[0] = (byte) length;
    packet[1] = 0x0C;
    for (int i = 2; i < length; i++) {
      packet[i] = (byte) (seed + i);
    }
    return packet;
  }
}
