package org.sngw.sn.codec;

import java.nio.ByteBuffer;

/** Byte fixtures for codec tests. */
final class SnFrames {
  private SnFrames() {}

  /** A heap buffer holding {@code bytes}, each given as an int 0..255 or a char. */
  static ByteBuffer frame(int... bytes) {
    return ByteBuffer.wrap(array(bytes));
  }

  static byte[] array(int... bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = (byte) bytes[i];
    }
    return out;
  }

  /** The remaining bytes of {@code buffer}, without moving it. */
  static byte[] toArray(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static SnDecodeResult decode(byte[] bytes) {
    return SnDecoder.decode(ByteBuffer.wrap(bytes));
  }
}
