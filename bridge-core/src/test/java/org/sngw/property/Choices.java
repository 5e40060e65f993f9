package org.sngw.property;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A {@link Draw} that records each choice as its distance from the range's minimum. It replays a
 * given prefix, then draws at random, or, without a random source, takes the simplest value. A
 * replayed choice too big for its range is clamped, so any edited sequence still makes a value.
 */
final class Choices implements Draw {
  // One draw in EDGE_ODDS is the range's first or last value, where off-by-ones live.
  private static final int EDGE_ODDS = 16;

  private final long[] prefix;
  private final SplittableRandom random;
  private long[] made = new long[64];
  private int count;

  private Choices(long[] prefix, SplittableRandom random) {
    this.prefix = prefix;
    this.random = random;
  }

  static Choices random(SplittableRandom random) {
    return new Choices(new long[0], random);
  }

  static Choices replay(long[] choices) {
    return new Choices(choices, null);
  }

  @Override
  public int between(int min, int max) {
    if (min > max) {
      throw new IllegalArgumentException("empty range " + min + ".." + max);
    }
    long span = (long) max - min;
    long choice;
    if (count < prefix.length) {
      choice = Math.min(prefix[count], span);
    } else if (random == null) {
      choice = 0;
    } else if (random.nextInt(EDGE_ODDS) == 0) {
      choice = random.nextBoolean() ? 0 : span;
    } else {
      choice = random.nextLong(span + 1);
    }
    record(choice);
    return (int) (min + choice);
  }

  /** The choices made so far, the sequence that rebuilds the same value. */
  long[] made() {
    return Arrays.copyOf(made, count);
  }

  private void record(long choice) {
    if (count == made.length) {
      made = Arrays.copyOf(made, count * 2);
    }
    made[count++] = choice;
  }
}
