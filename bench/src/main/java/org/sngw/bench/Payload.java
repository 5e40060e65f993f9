package org.sngw.bench;

import java.nio.ByteBuffer;

/** A PUBLISH payload: the publishing client's index and a sequence number, then zero padding. */
final class Payload {
  static final int MIN_BYTES = Integer.BYTES + Long.BYTES;

  private Payload() {}

  static byte[] of(int clientIndex, long sequence, int size) {
    byte[] bytes = new byte[size];
    ByteBuffer.wrap(bytes).putInt(clientIndex).putLong(sequence);
    return bytes;
  }

  static int clientIndex(ByteBuffer payload) {
    return payload.getInt(payload.position());
  }

  static long sequence(ByteBuffer payload) {
    return payload.getLong(payload.position() + Integer.BYTES);
  }
}
