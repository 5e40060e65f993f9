package org.sngw.sn.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for the codec, on absolute buffer indices: no views, no CharsetDecoder per call,
 * no exceptions on the decode path.
 */
final class Utf8 {
  private Utf8() {}

  /**
   * Index of the first byte that starts an ill-formed sequence in [from, to), or -1. Follows the
   * well-formed table of Unicode 3.9 (no overlongs, surrogates or code points past U+10FFFF), the
   * same rule the JDK's UTF-8 decoder reports with.
   */
  static int firstInvalid(ByteBuffer b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b.get(i) & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int trailing;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        trailing = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        trailing = 2;
        lo = c == 0xE0 ? 0xA0 : lo;
        hi = c == 0xED ? 0x9F : hi;
      } else if (c >= 0xF0 && c <= 0xF4) {
        trailing = 3;
        lo = c == 0xF0 ? 0x90 : lo;
        hi = c == 0xF4 ? 0x8F : hi;
      } else {
        return i;
      }
      if (i + trailing >= to) {
        return i;
      }
      int second = b.get(i + 1) & 0xFF;
      if (second < lo || second > hi) {
        return i;
      }
      for (int k = 2; k <= trailing; k++) {
        int next = b.get(i + k) & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return i;
        }
      }
      i += trailing + 1;
    }
    return -1;
  }

  /** The string in [from, to), which {@link #firstInvalid} has already accepted. */
  static String read(ByteBuffer b, int from, int to) {
    if (b.hasArray()) {
      return new String(b.array(), b.arrayOffset() + from, to - from, StandardCharsets.UTF_8);
    }
    byte[] copy = new byte[to - from];
    b.get(from, copy);
    return new String(copy, StandardCharsets.UTF_8);
  }

  /**
   * Encoded size of {@code s}.
   *
   * @throws IllegalArgumentException if {@code s} has an unpaired surrogate, which has no UTF-8 form
   */
  static long length(String s) {
    int n = s.length();
    long bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        bytes += 1;
      } else if (!Character.isSurrogate(c)) {
        bytes += 2;
      } else if (isPairAt(s, i)) {
        bytes += 2; // four bytes for the two chars
        i++;
      } else {
        throw new IllegalArgumentException("unpaired surrogate at index " + i + " has no UTF-8 form");
      }
    }
    return bytes;
  }

  /** Writes {@code s}, which {@link #length} has already accepted, at out's position. */
  static void write(String s, ByteBuffer out) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out.put((byte) c);
      } else if (c < 0x800) {
        out.put((byte) (0xC0 | c >> 6)).put((byte) (0x80 | c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        out.put((byte) (0xE0 | c >> 12))
            .put((byte) (0x80 | c >> 6 & 0x3F))
            .put((byte) (0x80 | c & 0x3F));
      } else {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        out.put((byte) (0xF0 | cp >> 18))
            .put((byte) (0x80 | cp >> 12 & 0x3F))
            .put((byte) (0x80 | cp >> 6 & 0x3F))
            .put((byte) (0x80 | cp & 0x3F));
      }
    }
  }

  private static boolean isPairAt(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i))
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1));
  }
}
