package org.sngw.broker.topic;

/**
 * The children of a topic tree node by level, found by a region of the published topic so that
 * matching copies no substring. Open addressing with linear probing; hashes agree with {@link
 * String#hashCode()}, so stored keys hash once.
 */
final class LevelMap<V> {
  private String[] keys = new String[4];
  private Object[] values = new Object[4];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  /** The value for the level {@code topic[start, end)}, or null. */
  @SuppressWarnings("unchecked")
  V get(String topic, int start, int end) {
    int length = end - start;
    int mask = keys.length - 1;
    for (int i = spread(regionHash(topic, start, end)) & mask; ; i = (i + 1) & mask) {
      String key = keys[i];
      if (key == null) {
        return null;
      }
      if (key.length() == length && key.regionMatches(0, topic, start, length)) {
        return (V) values[i];
      }
    }
  }

  /** Adds a level that is not there yet. */
  void add(String level, V value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    insert(level, value);
    size++;
  }

  void remove(String level) {
    int mask = keys.length - 1;
    int i = spread(level.hashCode()) & mask;
    while (keys[i] != null && !keys[i].equals(level)) {
      i = (i + 1) & mask;
    }
    if (keys[i] == null) {
      return;
    }
    keys[i] = null;
    values[i] = null;
    size--;
    // Entries after the hole may have probed past it: put them back where lookups find them.
    for (int j = (i + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
      String key = keys[j];
      Object value = values[j];
      keys[j] = null;
      values[j] = null;
      insert(key, value);
    }
  }

  private void insert(String key, Object value) {
    int mask = keys.length - 1;
    int i = spread(key.hashCode()) & mask;
    while (keys[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
  }

  private void grow() {
    String[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new String[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        insert(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int regionHash(String topic, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + topic.charAt(i);
    }
    return h;
  }

  /**
   * Multiplies by the golden ratio's 32-bit fraction, then folds the high bits down. Decimal ids
   * such as {@code sensors/9996} have String hashes that differ in a few low bits at a stride of
   * 31, which a plain fold left in long runs under linear probing (237 probes for one of 10,000).
   */
  private static int spread(int h) {
    int mixed = h * 0x9E3779B9;
    return mixed ^ (mixed >>> 16);
  }
}
