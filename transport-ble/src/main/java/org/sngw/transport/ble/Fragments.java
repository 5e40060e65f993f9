package org.sngw.transport.ble;

import java.nio.ByteBuffer;

/**
 * One outgoing frame cut into GATT writes of at most a payload's size, taken one at a time. The
 * peripheral's length framer puts them back together, so the chunks carry no header of their own.
 */
final class Fragments {
  private final ByteBuffer frame;
  private final int chunkSize;

  /** Takes over {@code frame}, position to limit. */
  Fragments(ByteBuffer frame, int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
    }
    this.frame = frame;
    this.chunkSize = chunkSize;
  }

  boolean hasNext() {
    return frame.hasRemaining();
  }

  byte[] next() {
    byte[] chunk = new byte[Math.min(chunkSize, frame.remaining())];
    frame.get(chunk);
    return chunk;
  }
}
