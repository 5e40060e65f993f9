package org.sngw.broker;

import java.time.Duration;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;

/**
 * How long a full queue may hold its publishers back, and the timers that tell when that is up:
 * one broker's, shared by its sessions.
 *
 * @param limit zero: never hold
 */
record HoldTime(Duration limit, Scheduler scheduler, Clock clock) {
  boolean holds() {
    return !limit.isZero();
  }
}
