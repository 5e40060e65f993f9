package org.sngw.app.status;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Messages per second in and out over the last {@link #KEPT} samples, from the broker's running
 * counts: each sample is the change since the one before, over the time between them. Owned by
 * the core loop.
 */
final class RateHistory {
  static final int KEPT = 150;

  /** Messages per second received from clients and sent to them. */
  record Rate(double in, double out) {}

  private final Deque<Rate> oldestFirst = new ArrayDeque<>();
  private long lastIn;
  private long lastOut;
  private long lastNanos;
  private boolean started;

  void sample(long received, long sent, long nanos) {
    if (started && nanos > lastNanos) {
      double seconds = (nanos - lastNanos) / 1e9;
      oldestFirst.addLast(new Rate((received - lastIn) / seconds, (sent - lastOut) / seconds));
      if (oldestFirst.size() > KEPT) {
        oldestFirst.removeFirst();
      }
    }
    started = true;
    lastIn = received;
    lastOut = sent;
    lastNanos = nanos;
  }

  List<Rate> oldestFirst() {
    return List.copyOf(oldestFirst);
  }
}
