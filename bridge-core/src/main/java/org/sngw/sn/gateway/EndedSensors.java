package org.sngw.sn.gateway;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.sngw.time.Clock;

/**
 * The sensors whose session ended (lost, or disconnected), as they were at the end, so the status
 * page still shows a sensor that went silent. The newest {@link #KEPT} only, one per client id;
 * owned by the core loop.
 */
final class EndedSensors {
  static final int KEPT = 256;

  private record Ended(SensorView view, long atNanos) {}

  private final Clock clock;
  private final Deque<Ended> newestFirst = new ArrayDeque<>();

  EndedSensors(Clock clock) {
    this.clock = clock;
  }

  void ended(SensorView view) {
    newestFirst.removeIf(ended -> ended.view().clientId().equals(view.clientId()));
    newestFirst.addFirst(new Ended(view, clock.nanos()));
    if (newestFirst.size() > KEPT) {
      newestFirst.removeLast();
    }
  }

  /** Each as it was, aged by the time since it ended. */
  List<SensorView> views() {
    long now = clock.nanos();
    return newestFirst.stream().map(ended -> ended.view().older(Duration.ofNanos(now - ended.atNanos()))).toList();
  }
}
