package org.sngw.logging;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.sngw.time.Clock;
import org.slf4j.Logger;

/**
 * A WARN line for one kind of event that a client can cause at will (a refused connection, say):
 * logged at most once per interval, so a flood of them cannot flood the log; the next line that is
 * logged says how many were left out. The counter beside it counts every one.
 */
public final class RateLimitedWarning {
  private final Logger log;
  private final long intervalNanos;
  private final Clock clock;
  private final AtomicLong nextAllowed;
  private final AtomicLong leftOut = new AtomicLong();

  public RateLimitedWarning(Logger log, Duration interval, Clock clock) {
    this.log = log;
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
    this.nextAllowed = new AtomicLong(clock.nanos());
  }

  /**
   * Logs like {@link Logger#warn(String, Object...)} unless a line was logged within the interval;
   * the arguments are values to fill in, not a throwable.
   */
  public void warn(String format, Object... arguments) {
    long now = clock.nanos();
    long next = nextAllowed.get();
    if (now - next < 0 || !nextAllowed.compareAndSet(next, now + intervalNanos)) {
      leftOut.incrementAndGet();
      return;
    }
    long skipped = leftOut.getAndSet(0);
    if (skipped == 0) {
      log.warn(format, arguments);
    } else {
      Object[] withCount = Arrays.copyOf(arguments, arguments.length + 1);
      withCount[arguments.length] = skipped;
      log.warn(format + " ({} more like it not logged)", withCount);
    }
  }
}
