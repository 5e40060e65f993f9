package org.sngw.broker.topic;

/**
 * MQTT 3.1.1's topic rules (sections 4.7.1 to 4.7.3) written the plain way, by splitting into
 * levels: the reference {@link Topics} is checked against.
 */
final class ReferenceTopics {
  private ReferenceTopics() {}

  static boolean isValidName(String name) {
    return !name.isEmpty() && name.chars().noneMatch(c -> c == '+' || c == '#' || c == 0);
  }

  static boolean isValidFilter(String filter) {
    if (filter.isEmpty() || filter.indexOf('\u0000') >= 0) {
      return false;
    }
    String[] levels = filter.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String level = levels[i];
      boolean wildcard = level.contains("+") || level.contains("#");
      boolean allowed = level.equals("+") || (level.equals("#") && i == levels.length - 1);
      if (wildcard && !allowed) {
        return false;
      }
    }
    return true;
  }

  static boolean matches(String filter, String name) {
    String[] filterLevels = filter.split("/", -1);
    String[] nameLevels = name.split("/", -1);
    if (name.startsWith("$") && (filterLevels[0].equals("+") || filterLevels[0].equals("#"))) {
      return false;
    }
    return matchFrom(filterLevels, 0, nameLevels, 0);
  }

  private static boolean matchFrom(String[] filter, int f, String[] name, int n) {
    if (f == filter.length) {
      return n == name.length;
    }
    if (filter[f].equals("#")) {
      return true;
    }
    if (n == name.length) {
      return false;
    }
    return (filter[f].equals("+") || filter[f].equals(name[n])) && matchFrom(filter, f + 1, name, n + 1);
  }
}
