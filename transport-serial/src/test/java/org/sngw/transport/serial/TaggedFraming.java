package org.sngw.transport.serial;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import org.sngw.transport.WirelessNodeId;
import org.sngw.transport.serial.framing.FrameHandler;
import org.sngw.transport.serial.framing.FrameReader;
import org.sngw.transport.serial.framing.FrameWriter;

/**
 * A test framing for fake lines, where each chunk read is one frame: a length byte, that many bytes
 * of radio node address (none when 0), then the packet. Writes use the same layout.
 */
final class TaggedFraming implements FrameReader, FrameWriter {
  @Override
  public void read(ByteBuffer bytes, long nowNanos, FrameHandler handler) {
    byte[] chunk = new byte[bytes.remaining()];
    bytes.get(chunk);
    int nodeLength = chunk.length == 0 ? -1 : chunk[0];
    if (nodeLength < 0 || chunk.length < 2 + nodeLength) {
      handler.discarded("short chunk");
      return;
    }
    Optional<WirelessNodeId> node = nodeLength == 0
        ? Optional.empty()
        : Optional.of(WirelessNodeId.of(Arrays.copyOfRange(chunk, 1, 1 + nodeLength)));
    handler.frame(node, ByteBuffer.wrap(chunk, 1 + nodeLength, chunk.length - 1 - nodeLength));
  }

  @Override
  public void reset() {}

  @Override
  public ByteBuffer write(Optional<WirelessNodeId> radioNode, ByteBuffer frame) {
    byte[] node = radioNode.map(WirelessNodeId::toBytes).orElse(new byte[0]);
    ByteBuffer out = ByteBuffer.allocate(1 + node.length + frame.remaining());
    out.put((byte) node.length).put(node).put(frame.duplicate());
    return out.flip();
  }

  /** A chunk as a sensor behind {@code node} (empty for none) would send {@code packet}. */
  static byte[] chunk(byte[] node, int... packet) {
    byte[] chunk = new byte[1 + node.length + packet.length];
    chunk[0] = (byte) node.length;
    System.arraycopy(node, 0, chunk, 1, node.length);
    for (int i = 0; i < packet.length; i++) {
      chunk[1 + node.length + i] = (byte) packet[i];
    }
    return chunk;
  }
}
