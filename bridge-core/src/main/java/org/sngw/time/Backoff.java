package org.sngw.time;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before trying again (to open a serial port, to reach a Bluetooth adapter or
 * device): {@code initial} after the first failed attempt, doubling with every further one, never
 * more than {@code max}.
 */
public record Backoff(Duration initial, Duration max) {
  /** One second, doubling to 30 s: a re-plugged USB adapter or a restarted radio is back within seconds. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial must be positive: " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max " + max + " is less than initial " + initial);
    }
  }

  /** The wait after {@code failures + 1} attempts in a row have failed. */
  public Duration delay(int failures) {
    if (failures < 0) {
      throw new IllegalArgumentException("failures must not be negative: " + failures);
    }
    Duration delay = initial;
    for (int i = 0; i < failures && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
