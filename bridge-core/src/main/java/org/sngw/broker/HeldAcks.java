package org.sngw.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The publishers' answers one subscriber holds back while its queue is over its bounds, at most one
 * per message over them, so as bounded as the queue. When answers have been held for the whole
 * {@link HoldTime}, {@code onExpired} runs. One timer per subscriber re-arms itself for the rest of
 * the current hold, so a subscriber that goes over its bounds and back at every message costs no
 * timer work per message (as {@code KeepAlive} does for keep-alives).
 */
final class HeldAcks {
  private final List<PendingAck> held = new ArrayList<>();
  private final HoldTime time;
  private final Runnable onExpired;
  private long heldSinceNanos;
  private boolean timerArmed;

  HeldAcks(HoldTime time, Runnable onExpired) {
    this.time = time;
    this.onExpired = onExpired;
  }

  boolean isEmpty() {
    return held.isEmpty();
  }

  void hold(PendingAck ack) {
    if (held.isEmpty()) {
      heldSinceNanos = time.clock().nanos();
    }
    ack.hold();
    held.add(ack);
    arm(time.limit().toNanos());
  }

  /** Lets every held answer go; the next hold starts its time afresh. */
  void releaseAll() {
    if (held.isEmpty()) {
      return;
    }
    PendingAck[] released = held.toArray(new PendingAck[0]);
    held.clear();
    for (PendingAck ack : released) {
      ack.release();
    }
  }

  private void arm(long delayNanos) {
    if (!timerArmed) {
      timerArmed = true;
      time.scheduler().schedule(Duration.ofNanos(delayNanos), this::check);
    }
  }

  private void check() {
    timerArmed = false;
    if (held.isEmpty()) {
      return;
    }
    long waited = time.clock().nanos() - heldSinceNanos;
    long limit = time.limit().toNanos();
    if (waited >= limit) {
      onExpired.run();
    } else {
      arm(limit - waited);
    }
  }
}
