package org.sngw.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the values written as text in the config file and on the command line, so that
 * both accept the same forms and say the same thing about a bad one. Each throws {@link
 * IllegalArgumentException} with a message that quotes the value and leaves naming the setting to
 * the caller.
 */
public final class ConfigValues {
  /** MQTT-SN v1.2, 5.3.11: topic ids 0x0000 and 0xFFFF are reserved. */
  public static final int MIN_TOPIC_ID = 1;

  public static final int MAX_TOPIC_ID = 0xFFFE;

  private static final Pattern SIZE = Pattern.compile("([0-9]{1,12})(KiB|MiB|GiB)?");
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

  private ConfigValues() {}

  /** Parses {@code 500ms}, {@code 10s}, {@code 5m} or {@code 1h}. */
  public static Duration duration(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected a duration like 500ms, 10s, 5m or 1h, got '" + text + "'");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** Parses a byte size: a plain number of bytes, or with a KiB, MiB or GiB suffix. */
  public static long size(String text) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a size like 65536, 512KiB, 64MiB or 1GiB, got '" + text + "'");
    }
    long amount = Long.parseLong(m.group(1));
    int shift = m.group(2) == null ? 0 : switch (m.group(2)) {
      case "KiB" -> 10;
      case "MiB" -> 20;
      default -> 30;
    };
    return amount << shift;
  }

  /** Parses a file system path; it need not exist yet. */
  public static Path path(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("invalid path '" + text + "': " + e.getReason());
    }
  }

  /** Parses a predefined topic id, 1..65534. */
  public static int topicId(String text) {
    if (!text.matches("[0-9]+")) {
      throw new IllegalArgumentException("topic id must be a number, got '" + text + "'");
    }
    // Longer than any valid id: report it as out of range instead of overflowing.
    long id = text.length() > 6 ? Long.MAX_VALUE : Long.parseLong(text);
    if (id < MIN_TOPIC_ID || id > MAX_TOPIC_ID) {
      throw new IllegalArgumentException(
          "topic id must be " + MIN_TOPIC_ID + ".." + MAX_TOPIC_ID + ", was " + text);
    }
    return (int) id;
  }

  /** Checks a topic name clients may publish to: not empty, no wildcards. */
  public static String topicName(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("topic name is empty");
    }
    if (text.indexOf('+') >= 0 || text.indexOf('#') >= 0) {
      throw new IllegalArgumentException(
          "topic name must not contain wildcards + or #, got '" + text + "'");
    }
    return text;
  }
}
