package org.sngw.broker.topic;

/**
 * MQTT 3.1.1 topic names and filters: validation and matching, without splitting strings into
 * levels. Adapters validate with it before they call the broker; the bridge matches its rules.
 */
public final class Topics {
  private Topics() {}

  /** A name a message may be published to: non-empty, no wildcard, no U+0000. */
  public static boolean isValidName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '+' || c == '#' || c == '\u0000') {
        return false;
      }
    }
    return true;
  }

  /**
   * A filter one may subscribe to: non-empty, no U+0000, {@code +} only as a whole level and
   * {@code #} only as the whole last level.
   */
  public static boolean isValidFilter(String filter) {
    int length = filter.length();
    if (length == 0) {
      return false;
    }
    int levelStart = 0;
    for (int i = 0; i < length; i++) {
      char c = filter.charAt(i);
      if (c == '/') {
        levelStart = i + 1;
      } else if (c == '\u0000') {
        return false;
      } else if (c == '+' || c == '#') {
        boolean wholeLevel = i == levelStart && (i + 1 == length || filter.charAt(i + 1) == '/');
        if (!wholeLevel || (c == '#' && i + 1 != length)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether a valid filter holds {@code +} or {@code #}; if not, it matches only itself. */
  public static boolean hasWildcard(String filter) {
    return filter.indexOf('+') >= 0 || filter.indexOf('#') >= 0;
  }

  /**
   * Whether a valid filter matches a valid name. A name starting with {@code $} is not matched by a
   * filter whose first level is a wildcard; {@code a/#} also matches {@code a}.
   */
  public static boolean matches(String filter, String name) {
    if (name.charAt(0) == '$' && (filter.charAt(0) == '+' || filter.charAt(0) == '#')) {
      return false;
    }
    int filterLength = filter.length();
    int nameLength = name.length();
    int f = 0;
    int n = 0;
    while (true) {
      int filterEnd = levelEnd(filter, f);
      if (isWildcardLevel(filter, f, filterEnd, '#')) {
        return true;
      }
      int nameEnd = levelEnd(name, n);
      boolean levelMatches = isWildcardLevel(filter, f, filterEnd, '+')
          || (filterEnd - f == nameEnd - n && filter.regionMatches(f, name, n, filterEnd - f));
      if (!levelMatches) {
        return false;
      }
      boolean filterDone = filterEnd == filterLength;
      if (nameEnd == nameLength) {
        return filterDone || (filterEnd + 2 == filterLength && filter.charAt(filterEnd + 1) == '#');
      }
      if (filterDone) {
        return false;
      }
      f = filterEnd + 1;
      n = nameEnd + 1;
    }
  }

  /**
   * Whether every name the valid filter {@code inner} matches is matched by the valid filter
   * {@code outer}: {@code sensors/#} covers {@code sensors/+/temp}, {@code sensors/+} does not cover
   * {@code sensors/#}.
   */
  public static boolean covers(String outer, String inner) {
    if (inner.charAt(0) == '$' && (outer.charAt(0) == '+' || outer.charAt(0) == '#')) {
      return false;
    }
    String[] o = outer.split("/", -1);
    String[] i = inner.split("/", -1);
    for (int k = 0; ; k++) {
      if (k < o.length && o[k].equals("#")) {
        return true;
      }
      if (k == i.length || k == o.length) {
        return k == i.length && k == o.length;
      }
      if (i[k].equals("#") || (!o[k].equals("+") && !o[k].equals(i[k]))) {
        return false;
      }
    }
  }

  /** Index of the {@code /} ending the level that starts at {@code start}, or the length. */
  static int levelEnd(String topic, int start) {
    int slash = topic.indexOf('/', start);
    return slash < 0 ? topic.length() : slash;
  }

  private static boolean isWildcardLevel(String filter, int start, int end, char wildcard) {
    return end - start == 1 && filter.charAt(start) == wildcard;
  }
}
