package org.sngw.transport.ble;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before trying the adapter or a device again: {@code initial} after the first
 * failure, doubling with every further one in a row, never more than {@code max}.
 */
record Backoff(Duration initial, Duration max) {
  Backoff {
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
  Duration delay(int failures) {
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
