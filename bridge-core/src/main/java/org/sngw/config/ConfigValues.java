package org.sngw.config;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

  /** The gateway id is one byte on the wire (GWINFO, ADVERTISE); MQTT-SN gives 0 no meaning. */
  public static final int MIN_GATEWAY_ID = 1;

  public static final int MAX_GATEWAY_ID = 255;

  /** ADVERTISE announces the time to the next one in 16 bits of seconds. */
  public static final Duration MAX_ADVERTISE_INTERVAL = Duration.ofSeconds(0xFFFF);

  private static final Pattern BRIDGE_NAME = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern SIZE = Pattern.compile("([0-9]{1,12})(KiB|MiB|GiB)?");
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

  private ConfigValues() {}

  /** Parses {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h} or {@code 7d}. */
  public static Duration duration(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected a duration like 500ms, 10s, 5m, 1h or 7d, got '" + text + "'");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /** Parses a duration greater than zero. */
  public static Duration positiveDuration(String text) {
    Duration duration = duration(text);
    if (duration.isZero()) {
      throw new IllegalArgumentException("must be positive, was " + text);
    }
    return duration;
  }

  /**
   * Parses the ADVERTISE interval: a duration in whole seconds up to {@link
   * #MAX_ADVERTISE_INTERVAL}, or {@code 0} (with or without a unit) for no ADVERTISE.
   */
  public static Optional<Duration> advertiseInterval(String text) {
    Duration interval = text.equals("0") ? Duration.ZERO : duration(text);
    if (interval.isZero()) {
      return Optional.empty();
    }
    if (interval.toNanosPart() != 0 || interval.compareTo(MAX_ADVERTISE_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "must be whole seconds up to " + MAX_ADVERTISE_INTERVAL.toSeconds() + "s, or 0 for off, was " + text);
    }
    return Optional.of(interval);
  }

  /** Parses the {@code $SYS} interval: whole seconds, or {@code 0} (with or without a unit) for none. */
  public static Duration sysInterval(String text) {
    Duration interval = text.equals("0") ? Duration.ZERO : duration(text);
    if (interval.toNanosPart() != 0) {
      throw new IllegalArgumentException("must be whole seconds, or 0 for no $SYS topics, was " + text);
    }
    return interval;
  }

  /** Parses an integer in {@code min..max}, saying which bound a value breaks. */
  public static int integer(String text, int min, int max) {
    if (!text.matches("[-+]?[0-9]+")) {
      throw new IllegalArgumentException("expected an integer, got '" + text + "'");
    }
    BigInteger value = new BigInteger(text);
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      String range = max == Integer.MAX_VALUE ? "at least " + min : min + ".." + max;
      throw new IllegalArgumentException("must be " + range + ", was " + text);
    }
    return value.intValueExact();
  }

  public static Function<String, Integer> between(int min, int max) {
    return text -> integer(text, min, max);
  }

  /** Parses {@code true} or {@code false}, and nothing else (no YAML 1.1 yes/no/on/off). */
  public static boolean bool(String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("expected true or false, got '" + text + "'");
    };
  }

  /** Parses a gateway id, 1..255. */
  public static int gatewayId(String text) {
    return integer(text, MIN_GATEWAY_ID, MAX_GATEWAY_ID);
  }

  /** Parses {@code HOST:PORT} to send to: like a listen address, but port 0 goes nowhere. */
  public static ListenAddress destination(String text) {
    ListenAddress address = ListenAddress.parse(text);
    if (address.port() == 0) {
      throw new IllegalArgumentException("port must be 1..65535 to send to, got '" + text + "'");
    }
    return address;
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

  /** The least a bound on messages in bytes may be: a message costs its payload, topic and 64 bytes. */
  static final long MIN_BOUND_BYTES = 1024;

  /** Parses the byte size of a bound on messages (a queue, the store, an outbox): at least 1 KiB. */
  public static long boundBytes(String text) {
    long size = size(text);
    if (size < MIN_BOUND_BYTES) {
      throw new IllegalArgumentException("must be at least 1KiB to hold a message, was " + text);
    }
    return size;
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

  /**
   * The secret in a file (its first line, without the line break), read now: a password kept out
   * of the config file and the process list. Messages name the file, never what it holds.
   */
  public static String secretFile(String text) {
    Path file = readableFile(text);
    try {
      String secret = Files.readString(file).lines().findFirst().orElse("");
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("'" + text + "' is empty");
      }
      return secret;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read '" + text + "': " + e.getClass().getSimpleName());
    }
  }

  /** The secret in an environment variable; messages name the variable, never its value. */
  public static String secretVariable(String name, Map<String, String> environment) {
    String secret = environment.get(name);
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("environment variable " + name + " is not set");
    }
    return secret;
  }

  /** {@link #readableFile}, for a setting whose absence means none. */
  public static Optional<Path> presentReadableFile(String text) {
    return Optional.of(readableFile(text));
  }

  /**
   * Parses the path of a file that must exist and be readable now, so that a missing certificate
   * is reported at start with the others, not at the first connection attempt.
   */
  public static Path readableFile(String text) {
    Path file = path(text);
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("cannot read '" + text + "': file not found");
    }
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("cannot read '" + text + "': it is a directory");
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read '" + text + "': permission denied");
    }
    return file;
  }

  /** Parses a bridge name: letters, digits, {@code _} and {@code -}, as it names topics and sessions. */
  public static String bridgeName(String text) {
    if (!BRIDGE_NAME.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "expected letters, digits, _ and - only, got '" + text + "'");
    }
    return text;
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
