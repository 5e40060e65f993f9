package org.sngw.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

  /**
   * Events at one instant are listed by who had them: the broker fans a message out to sessions in
   * identity-hash order, which differs between JVMs, while each sensor's own events keep their order.
   */
  String format() {
    long first = Math.max(0, count - ring.length);
    List<Event> events = new ArrayList<>();
    for (long i = first; i < count; i++) {
      events.add(ring[(int) (i % ring.length)]);
    }
    events.sort(Comparator.comparingLong(Event::nanos).thenComparing(Event::who));
    StringBuilder out = new StringBuilder();
    out.append("last ").append(events.size()).append(" of ").append(count).append(" events:\n");
    for (Event event : events) {
      out.append(String.format(Locale.ROOT, "  %10.3fs  %-8s %s%n", event.nanos() / 1e9, event.who(), event.what()));
    }
    return out.toString();
  }
}
