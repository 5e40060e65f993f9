package org.sngw.sn.framing;

import java.util.ArrayList;
import java.util.List;
import org.sngw.property.Draw;

/** How a byte stream arrives: cut into reads of sizes used in turn. */
final class Reads {
  private Reads() {}

  /** Byte by byte, all at once, or up to ten sizes of 1 to {@code maxSize} used in turn. */
  static List<Integer> sizes(Draw d, int maxSize) {
    return switch (d.between(0, 2)) {
      case 0 -> List.of(1);
      case 1 -> List.of(Integer.MAX_VALUE);
      default -> d.list(1, 10, s -> s.between(1, maxSize));
    };
  }

  /** The stream cut into reads of the given sizes, used in turn. */
  static List<byte[]> cut(byte[] stream, List<Integer> sizes) {
    List<byte[]> reads = new ArrayList<>();
    int at = 0;
    for (int i = 0; at < stream.length; i++) {
      int n = (int) Math.min(sizes.get(i % sizes.size()), stream.length - at);
      byte[] read = new byte[n];
      System.arraycopy(stream, at, read, 0, n);
      reads.add(read);
      at += n;
    }
    return reads;
  }
}
