package org.sngw.property;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a generator takes its choices from: a seeded random source while a property is checked,
 * recorded choices while a failure is shrunk, or Jazzer's fuzzer input in a fuzz test. Every
 * value is built from {@link #between} alone, so each source shrinks or mutates every generator
 * the same way. Smaller choices make simpler values: the first value of a range, shorter lists.
 */
public interface Draw {

  /** A value from min to max, both included; min is the simplest. */
  int between(int min, int max);

  default boolean bool() {
    return between(0, 1) == 1;
  }

  /** Any byte, 0x00 the simplest. */
  default byte anyByte() {
    return (byte) between(0, 0xFF);
  }

  default byte[] bytes(int minLength, int maxLength) {
    return bytes(minLength, maxLength, Draw::anyByte);
  }

  /** Bytes each drawn by {@code element}. */
  default byte[] bytes(int minLength, int maxLength, Gen<Byte> element) {
    List<Byte> list = list(minLength, maxLength, element);
    byte[] out = new byte[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  /**
   * A list whose every element past {@code minSize} is announced by a "one more" choice, zero
   * meaning stop: deleting an element's choices deletes just that element, so failures shrink
   * element by element. Sizes average halfway between the bounds.
   */
  default <T> List<T> list(int minSize, int maxSize, Gen<? extends T> element) {
    int spread = Math.max(1, (maxSize - minSize) / 2);
    List<T> out = new ArrayList<>();
    while (out.size() < minSize || (out.size() < maxSize && between(0, spread) != 0)) {
      out.add(element.next(this));
    }
    return out;
  }

  /** Any Unicode scalar value: a code point that is not a surrogate, so it has a UTF-8 form. */
  default int codePoint() {
    int surrogates = Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1;
    int cp = between(0, Character.MAX_CODE_POINT - surrogates);
    return cp < Character.MIN_SURROGATE ? cp : cp + surrogates;
  }

  /** One of {@code values}, the first the simplest. */
  default <T> T of(List<? extends T> values) {
    return values.get(between(0, values.size() - 1));
  }

  @SuppressWarnings("unchecked")
  default <T> T of(T... values) {
    return values[between(0, values.length - 1)];
  }

  default <E extends Enum<E>> E of(Class<E> type) {
    return of(type.getEnumConstants());
  }

  /** The value of one of {@code gens}, chosen with equal chances. */
  @SuppressWarnings("unchecked")
  default <T> T oneOf(Gen<? extends T>... gens) {
    return gens[between(0, gens.length - 1)].next(this);
  }

  /** An index into {@code weights}, each chosen in proportion to its weight. */
  default int weighted(int... weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int pick = between(0, total - 1);
    for (int i = 0; ; i++) {
      pick -= weights[i];
      if (pick < 0) {
        return i;
      }
    }
  }
}
