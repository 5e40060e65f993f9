package org.sngw.sn.gateway;

import java.time.Duration;
import org.sngw.time.Cancellable;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;

/**
 * Declares a client lost when it stays silent for 1.5 times its keep-alive. Hearing from the client
 * only records the time, so a busy client costs no timer work; the one timer re-arms itself for
 * what is left when it fires early.
 */
final class KeepAlive {
  private final Clock clock;
  private final Scheduler scheduler;
  private final Runnable onExpired;
  private long limitNanos;
  private long lastHeardNanos;
  private Cancellable timer;

  KeepAlive(Clock clock, Scheduler scheduler, Runnable onExpired) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.onExpired = onExpired;
  }

  /** Starts watching; a period of zero switches the check off, as MQTT-SN says. */
  void start(Duration period) {
    stop();
    limitNanos = period.toNanos() * 3 / 2;
    heard();
    if (limitNanos > 0) {
      arm(limitNanos);
    }
  }

  void heard() {
    lastHeardNanos = clock.nanos();
  }

  /** How long ago the client was last heard. */
  Duration silence() {
    return Duration.ofNanos(clock.nanos() - lastHeardNanos);
  }

  void stop() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  private void arm(long delayNanos) {
    timer = scheduler.schedule(Duration.ofNanos(delayNanos), this::check);
  }

  private void check() {
    long silent = clock.nanos() - lastHeardNanos;
    if (silent >= limitNanos) {
      timer = null;
      onExpired.run();
    } else {
      arm(limitNanos - silent);
    }
  }
}
