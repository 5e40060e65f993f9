package org.sngw.store.mvstore;

import java.util.Arrays;

/** Builds a stored value from bytes, unsigned variable-length integers and length-prefixed bytes. */
final class ValueWriter {
  private byte[] bytes;
  private int length;

  ValueWriter(int capacity) {
    bytes = new byte[Math.max(capacity, 8)];
  }

  ValueWriter writeByte(int value) {
    ensure(1);
    bytes[length++] = (byte) value;
    return this;
  }

  /** Seven bits a byte, low bits first, high bit set on every byte but the last. */
  ValueWriter writeVarLong(long value) {
    ensure(10);
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      bytes[length++] = (byte) ((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    bytes[length++] = (byte) rest;
    return this;
  }

  ValueWriter writeBytes(byte[] value) {
    writeVarLong(value.length);
    ensure(value.length);
    System.arraycopy(value, 0, bytes, length, value.length);
    length += value.length;
    return this;
  }

  byte[] toBytes() {
    return Arrays.copyOf(bytes, length);
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
