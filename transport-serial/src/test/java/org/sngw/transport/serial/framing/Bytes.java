package org.sngw.transport.serial.framing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sngw.property.Gen;

/** Test bytes: hex fixtures with spaces for reading, and streams cut into reads. */
final class Bytes {
  private Bytes() {}

  static byte[] hex(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static String hex(ByteBuffer buffer) {
    return hex(array(buffer));
  }

  /** The bytes from position to limit, the buffer left as it was. */
  static byte[] array(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  /** {@code bytes} from {@code from}, zero-padded or cut to {@code length}. */
  static byte[] take(byte[] bytes, int from, int length) {
    byte[] out = new byte[length];
    if (from < bytes.length) {
      System.arraycopy(bytes, from, out, 0, Math.min(length, bytes.length - from));
    }
    return out;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** {@code spaced} as {@link #hex(byte[])} prints it. */
  static String normal(String spaced) {
    return spaced.replace(" ", "").toLowerCase();
  }

  /** The stream cut into reads of the given sizes, used in turn. */
  static List<ByteBuffer> reads(byte[] stream, List<Integer> sizes) {
    List<ByteBuffer> reads = new ArrayList<>();
    int at = 0;
    for (int i = 0; at < stream.length; i++) {
      int n = Math.min(sizes.get(i % sizes.size()), stream.length - at);
      reads.add(ByteBuffer.wrap(stream, at, n).slice());
      at += n;
    }
    return reads;
  }

  /**
   * Read sizes for {@link #reads}, equally often: one byte at a time, the stream in one read, or
   * up to ten sizes of at most {@code largest}.
   */
  static Gen<List<Integer>> readSizes(int largest) {
    return draw -> switch (draw.between(0, 2)) {
      case 0 -> List.of(1);
      case 1 -> List.of(Integer.MAX_VALUE);
      default -> draw.list(1, 10, Gen.between(1, largest));
    };
  }
}
