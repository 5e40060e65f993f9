package org.sngw.property;

import java.util.SplittableRandom;

/**
 * Checks a property on values from a generator: a given number of tries from one seed, and on a
 * failure the simplest failing value the {@link Shrinker} finds. The seed is new each run unless
 * {@code -Dsngw.seed=N} fixes it; a failure names it, and the try, so it reproduces.
 */
public final class PropertyCheck {
  /** As many tries as the property library used before made by default, so none is tried less. */
  public static final int DEFAULT_TRIES = 1000;

  private static final int MAX_SHRINK_ATTEMPTS = 2000;
  private static final int MAX_FAILURE_TEXT = 2000;

  private PropertyCheck() {}

  /** A property of one value; any exception or assertion error is a failure. */
  @FunctionalInterface
  public interface Property<T> {
    void check(T value) throws Exception;
  }

  public static <T> void forAll(Gen<T> gen, Property<? super T> property) {
    forAll(DEFAULT_TRIES, gen, property);
  }

  public static <T> void forAll(int tries, Gen<T> gen, Property<? super T> property) {
    long seed = Long.getLong("sngw.seed", new SplittableRandom().nextLong());
    SplittableRandom random = new SplittableRandom(seed);
    for (int attempt = 1; attempt <= tries; attempt++) {
      Choices choices = Choices.random(random.split());
      T value = gen.next(choices);
      Throwable failure = failure(property, value);
      if (failure != null) {
        throw report(gen, property, seed, attempt, tries, value, choices.made(), failure);
      }
    }
  }

  private static <T> AssertionError report(
      Gen<T> gen, Property<? super T> property, long seed, int attempt, int tries, T original,
      long[] choices, Throwable originalFailure) {
    Shrinker shrinker = new Shrinker(candidate -> {
      T value;
      try {
        value = gen.next(Choices.replay(candidate));
      } catch (RuntimeException notAValue) {
        return false;
      }
      return failure(property, value) != null;
    }, MAX_SHRINK_ATTEMPTS);
    T simplest = gen.next(Choices.replay(shrinker.shrink(choices)));
    Throwable shrunkFailure = failure(property, simplest);
    Throwable cause = shrunkFailure != null ? shrunkFailure : originalFailure;
    String message = String.format(
        "property failed on try %d of %d; reproduce with -Dsngw.seed=%d%n"
            + "simplest failing value (%d shrink steps): %s%n"
            + "first failing value: %s%n%s",
        attempt, tries, seed, shrinker.steps(), Show.of(simplest), Show.of(original), briefly(cause));
    return new AssertionError(message, cause);
  }

  // The failure in full stays the cause; its message alone can print a whole input.
  private static String briefly(Throwable failure) {
    String text = String.valueOf(failure);
    return text.length() <= MAX_FAILURE_TEXT ? text : text.substring(0, MAX_FAILURE_TEXT) + "...";
  }

  private static <T> Throwable failure(Property<? super T> property, T value) {
    try {
      property.check(value);
      return null;
    } catch (Exception | AssertionError e) {
      return e;
    }
  }
}
