package org.sngw.store.mvstore;

import java.util.Arrays;

/** Reads what {@link ValueWriter} wrote, refusing anything that runs past the end or is too long. */
final class ValueReader {
  private final byte[] bytes;
  private int position;

  ValueReader(byte[] bytes) {
    this.bytes = bytes;
  }

  int readByte() {
    if (position >= bytes.length) {
      throw new ValueFormatException("value ends early at byte " + position);
    }
    return bytes[position++] & 0xFF;
  }

  long readVarLong() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new ValueFormatException("variable-length number longer than 10 bytes at byte " + position);
  }

  byte[] readBytes() {
    long length = readVarLong();
    if (length < 0 || length > bytes.length - position) {
      throw new ValueFormatException("length " + length + " runs past the end of the value at byte " + position);
    }
    int start = position;
    position += (int) length;
    return Arrays.copyOfRange(bytes, start, position);
  }

  boolean atEnd() {
    return position == bytes.length;
  }

  void expectEnd() {
    if (position != bytes.length) {
      throw new ValueFormatException((bytes.length - position) + " bytes left over after the value");
    }
  }
}
