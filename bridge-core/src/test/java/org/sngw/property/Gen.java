package org.sngw.property;

import java.util.List;
import java.util.function.Function;

/** Builds a value from the choices of a {@link Draw}. */
@FunctionalInterface
public interface Gen<T> {

  T next(Draw draw);

  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    return draw -> f.apply(next(draw));
  }

  default Gen<List<T>> list(int minSize, int maxSize) {
    return draw -> draw.list(minSize, maxSize, this);
  }

  static Gen<Integer> between(int min, int max) {
    return draw -> draw.between(min, max);
  }

  static Gen<byte[]> bytes(int minLength, int maxLength) {
    return draw -> draw.bytes(minLength, maxLength);
  }

  static <T> Gen<T> constant(T value) {
    return draw -> value;
  }
}
