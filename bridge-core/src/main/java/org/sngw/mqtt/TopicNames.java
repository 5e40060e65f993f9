package org.sngw.mqtt;

/** The MQTT 3.1.1 rule for a topic name a client publishes to (not a filter). */
final class TopicNames {
  private TopicNames() {}

  /** Non-empty, without the wildcards {@code +} and {@code #} and without U+0000. */
  static boolean isValid(String topic) {
    if (topic == null || topic.isEmpty()) {
      return false;
    }
    for (int i = 0; i < topic.length(); i++) {
      char c = topic.charAt(i);
      if (c == '+' || c == '#' || c == '\u0000') {
        return false;
      }
    }
    return true;
  }
}
