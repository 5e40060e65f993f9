package org.sngw.bridge;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: doubling from {@code min} up to {@code max}, each drawn at random between half
 * and all of the current step ("equal jitter"), so many gateways cut off by one outage do not all
 * come back in the same second.
 */
final class JitteredBackoff {
  private final Duration min;
  private final Duration max;
  private final RandomGenerator random;
  private Duration step;

  JitteredBackoff(Duration min, Duration max, RandomGenerator random) {
    this.min = min;
    this.max = max;
    this.random = random;
    this.step = min;
  }

  Duration next() {
    long stepMillis = step.toMillis();
    long half = stepMillis / 2;
    Duration delay = Duration.ofMillis(half + (stepMillis - half == 0 ? 0 : random.nextLong(stepMillis - half + 1)));
    Duration doubled = step.multipliedBy(2);
    step = doubled.compareTo(max) > 0 ? max : doubled;
    return delay;
  }

  /** A connection succeeded: the next outage starts from {@code min} again. */
  void reset() {
    step = min;
  }
}
