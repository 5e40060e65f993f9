package org.sngw.sn.framing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Keeps copies of the frames and the discard reasons a framer reported, in order. */
final class RecordingFrameSink implements FrameSink {
  final List<byte[]> frames = new ArrayList<>();
  final List<String> discards = new ArrayList<>();

  @Override
  public void frame(ByteBuffer frame) {
    byte[] copy = new byte[frame.remaining()];
    frame.get(copy);
    frames.add(copy);
  }

  @Override
  public void discarded(String reason) {
    discards.add(reason);
  }
}
