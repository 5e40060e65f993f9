package org.sngw.broker.topic;

import java.util.Optional;

/**
 * A shared subscription's filter, {@code $share/NAME/FILTER} (MQTT 5, 4.8.2; Mosquitto takes it
 * from MQTT 3.1.1 clients too): the members subscribed with one name and filter share its
 * messages, each message going to one of them.
 *
 * @param name the share name: at least one character, none of them {@code /}, {@code +} or {@code #}
 * @param filter an ordinary topic filter
 */
public record SharedFilter(String name, String filter) {
  private static final String PREFIX = "$share/";

  /** Whether the filter asks for a shared subscription, valid or not. */
  public static boolean isShared(String filter) {
    return filter.startsWith(PREFIX);
  }

  /** The shared subscription a filter names; empty for an ordinary filter or a malformed shared one. */
  public static Optional<SharedFilter> parse(String filter) {
    if (!isShared(filter)) {
      return Optional.empty();
    }
    int slash = filter.indexOf('/', PREFIX.length());
    if (slash <= PREFIX.length()) {
      return Optional.empty();
    }
    String name = filter.substring(PREFIX.length(), slash);
    String inner = filter.substring(slash + 1);
    if (name.indexOf('+') >= 0 || name.indexOf('#') >= 0 || !Topics.isValidFilter(inner)) {
      return Optional.empty();
    }
    return Optional.of(new SharedFilter(name, inner));
  }
}
