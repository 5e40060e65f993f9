package org.sngw.transport.serial;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How the port thread waits out a retry delay, returning early once {@code closing} is counted
 * down. Tests swap it to see the delays asked for without waiting them.
 */
@FunctionalInterface
interface RetryPause {
  RetryPause TIMED = (delay, closing) -> closing.await(delay.toNanos(), TimeUnit.NANOSECONDS);

  void await(Duration delay, CountDownLatch closing) throws InterruptedException;
}
