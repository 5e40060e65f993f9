package org.sngw.transport.serial.framing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sngw.transport.WirelessNodeId;

/** Keeps what a reader reported: each frame as "node/hex" ("-" for no node), and discards. */
final class RecordingFrameHandler implements FrameHandler {
  final List<String> frames = new ArrayList<>();
  final List<String> discards = new ArrayList<>();

  @Override
  public void frame(Optional<WirelessNodeId> radioNode, ByteBuffer frame) {
    frames.add(entry(radioNode, Bytes.hex(frame)));
  }

  @Override
  public void discarded(String reason) {
    discards.add(reason);
  }

  static String entry(Optional<WirelessNodeId> node, String hex) {
    return node.map(WirelessNodeId::toString).orElse("-") + "/" + Bytes.normal(hex);
  }
}
