package org.sngw.app.simulate;

/**
 * When a load run warms up, measures and drains, on the {@link System#nanoTime} scale. Only acks
 * read between {@code measureStart} and {@code measureEnd} count towards the rate and latencies.
 */
record Schedule(long warmupStart, long measureStart, long measureEnd, long drainEnd) {
  static Schedule startingNow(long warmupNanos, long measureNanos, long drainNanos) {
    long now = System.nanoTime();
    return new Schedule(now, now + warmupNanos, now + warmupNanos + measureNanos,
        now + warmupNanos + measureNanos + drainNanos);
  }

  boolean measuring(long nanos) {
    return nanos - measureStart >= 0 && nanos - measureEnd < 0;
  }
}
