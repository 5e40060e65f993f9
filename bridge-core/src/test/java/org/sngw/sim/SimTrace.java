package org.sngw.sim;

import java.util.Locale;

/**
 * The last events of a run, kept in a ring and formatted only when a run fails, so 300 passing runs
 * pay for a few object writes per event and no string building.
 */
final class SimTrace {
  private record Event(long nanos, String who, Object what) {}

  private final Event[] ring;
  private final String only;
  private long count;

  /** @param only keep just this sensor's events (and the run's), or null for everyone's */
  SimTrace(int capacity, String only) {
    ring = new Event[capacity];
    this.only = only;
  }

  /** The trace asked for on the command line: {@code -Dsim.traceEvents=N}, {@code -Dsim.trace=s07}. */
  static SimTrace fromSystemProperties() {
    return new SimTrace(Integer.getInteger("sim.traceEvents", 80), System.getProperty("sim.trace"));
  }

  /** {@code what} is formatted with {@code toString()} only if the trace is printed. */
  void add(long nanos, String who, Object what) {
    if (only == null || only.equals(who) || "run".equals(who)) {
      ring[(int) (count++ % ring.length)] = new Event(nanos, who, what);
    }
  }

  String format() {
    StringBuilder out = new StringBuilder();
    long first = Math.max(0, count - ring.length);
    out.append("last ").append(count - first).append(" of ").append(count).append(" events:\n");
    for (long i = first; i < count; i++) {
      Event event = ring[(int) (i % ring.length)];
      out.append(String.format(Locale.ROOT, "  %10.3fs  %-8s %s%n", event.nanos() / 1e9, event.who(), event.what()));
    }
    return out.toString();
  }
}
