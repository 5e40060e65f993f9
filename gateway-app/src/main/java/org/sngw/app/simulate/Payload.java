package org.sngw.app.simulate;

import java.nio.ByteBuffer;

/**
 * A PUBLISH payload: the publishing client's index, a sequence number and the {@link System#nanoTime}
 * it was sent at (the subscriber runs in the same JVM, so it can tell how long delivery took),
 * then zero padding.
 */
public final class Payload {
  public static final int MIN_BYTES = Integer.BYTES + Long.BYTES + Long.BYTES;

  private Payload() {}

  public static byte[] of(int clientIndex, long sequence, int size) {
    byte[] bytes = new byte[size];
    ByteBuffer.wrap(bytes).putInt(clientIndex).putLong(sequence).putLong(System.nanoTime());
    return bytes;
  }

  static int clientIndex(ByteBuffer payload) {
    return payload.getInt(payload.position());
  }

  static long sequence(ByteBuffer payload) {
    return payload.getLong(payload.position() + Integer.BYTES);
  }

  static long sentNanos(ByteBuffer payload) {
    return payload.getLong(payload.position() + Integer.BYTES + Long.BYTES);
  }
}
