package org.sngw.property;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Makes a failing choice sequence simpler while it still fails: deletes runs of choices, from half
 * the sequence down to single ones (fewer list elements, shorter arrays), then lowers single
 * choices (values nearer a range's minimum).
 * Works on the choices, not the values, so every generator shrinks without code of its own.
 */
final class Shrinker {
  private final Predicate<long[]> fails;
  private final int maxAttempts;
  private int attempts;
  private int accepted;

  /** @param fails whether the value built from a sequence still fails the property */
  Shrinker(Predicate<long[]> fails, int maxAttempts) {
    this.fails = fails;
    this.maxAttempts = maxAttempts;
  }

  long[] shrink(long[] failing) {
    long[] best = failing;
    boolean progress = true;
    while (progress && attempts < maxAttempts) {
      progress = false;
      // Halves first, so a long failing input loses most of its length in a few attempts.
      for (int run = Integer.highestOneBit(Math.max(1, best.length / 2)); run >= 1; run /= 2) {
        for (int at = 0; at + run <= best.length && attempts < maxAttempts; ) {
          long[] candidate = without(best, at, run);
          if (test(candidate)) {
            best = candidate;
            progress = true;
          } else {
            at += run >= 8 ? run : 1; // long runs by blocks, or a long input costs too many attempts
          }
        }
      }
      for (int at = 0; at < best.length && attempts < maxAttempts; at++) {
        long[] lowered = lowered(best, at);
        if (lowered != null) {
          best = lowered;
          progress = true;
        }
      }
    }
    return best;
  }

  /** Successful shrink steps so far. */
  int steps() {
    return accepted;
  }

  // The smallest value at `at` that still fails, searched by halving the distance to zero.
  private long[] lowered(long[] best, int at) {
    long high = best[at];
    if (high == 0) {
      return null;
    }
    long low = 0;
    long[] found = null;
    while (low < high && attempts < maxAttempts) {
      long mid = low + (high - low) / 2;
      long[] candidate = best.clone();
      candidate[at] = mid;
      if (test(candidate)) {
        found = candidate;
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return found;
  }

  private boolean test(long[] candidate) {
    attempts++;
    boolean failed = fails.test(candidate);
    if (failed) {
      accepted++;
    }
    return failed;
  }

  private static long[] without(long[] choices, int at, int run) {
    long[] out = Arrays.copyOf(choices, choices.length - run);
    System.arraycopy(choices, at + run, out, at, choices.length - at - run);
    return out;
  }
}
