package org.sngw.app.simulate;

/**
 * Latencies in nanoseconds, log-linear buckets with 64 steps per power of two (under 1.6% error),
 * so memory stays fixed however long the run. One owner thread; merge after the owners stop.
 */
final class LatencyHistogram {
  private static final int SUB_BITS = 6;
  private static final int SUB_COUNT = 1 << SUB_BITS;
  // Values below 2 * SUB_COUNT are exact; each later power of two gets SUB_COUNT buckets.
  private static final int BUCKETS = 2 * SUB_COUNT + (63 - SUB_BITS) * SUB_COUNT;

  private final long[] counts = new long[BUCKETS];
  private long total;
  private long max;

  void record(long nanos) {
    long value = Math.max(0, nanos);
    counts[index(value)]++;
    total++;
    max = Math.max(max, value);
  }

  void add(LatencyHistogram other) {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
    max = Math.max(max, other.max);
  }

  long count() {
    return total;
  }

  long max() {
    return max;
  }

  /** The value at {@code percentile} (0..100): the upper edge of its bucket, capped at the max. */
  long percentile(double percentile) {
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(total * percentile / 100.0));
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(upperEdge(i), max);
      }
    }
    return max;
  }

  private static int index(long value) {
    if (value < 2 * SUB_COUNT) {
      return (int) value;
    }
    int shift = 63 - Long.numberOfLeadingZeros(value) - SUB_BITS;
    return 2 * SUB_COUNT + (shift - 1) * SUB_COUNT + (int) ((value >> shift) - SUB_COUNT);
  }

  private static long upperEdge(int index) {
    if (index < 2 * SUB_COUNT) {
      return index;
    }
    int shift = (index - 2 * SUB_COUNT) / SUB_COUNT + 1;
    long sub = (index - 2 * SUB_COUNT) % SUB_COUNT + SUB_COUNT;
    return ((sub + 1) << shift) - 1;
  }
}
