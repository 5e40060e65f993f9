package org.sngw.store.mvstore;

import java.util.HexFormat;

/**
 * Keys of the per-client maps: the client id, a NUL (which MQTT forbids in client ids), then the
 * rest. All of a client's keys so share one prefix and sort together.
 */
final class Keys {
  static final char SEPARATOR = '\0';
  private static final HexFormat HEX = HexFormat.of();

  private Keys() {}

  static String prefix(String clientId) {
    return clientId + SEPARATOR;
  }

  static String of(String clientId, String rest) {
    return prefix(clientId) + rest;
  }

  /** 16 hex digits with the sign bit flipped, so that string order is numeric order. */
  static String sequence(long sequence) {
    return HEX.toHexDigits(sequence ^ Long.MIN_VALUE);
  }

  /** A packet id or topic id: 4 hex digits. */
  static String shortId(int id) {
    return HEX.toHexDigits((short) id);
  }

  static String clientOf(String key) {
    return key.substring(0, separatorIn(key));
  }

  static String restOf(String key) {
    return key.substring(separatorIn(key) + 1);
  }

  static long sequenceOf(String key) {
    return parseHex(restOf(key), 16) ^ Long.MIN_VALUE;
  }

  static int shortIdOf(String key) {
    return (int) parseHex(restOf(key), 4);
  }

  private static long parseHex(String digits, int count) {
    if (digits.length() != count) {
      throw new ValueFormatException("key part '" + digits + "' is not " + count + " hex digits");
    }
    try {
      return HexFormat.fromHexDigitsToLong(digits);
    } catch (IllegalArgumentException e) {
      throw new ValueFormatException("key part '" + digits + "' is not hex", e);
    }
  }

  private static int separatorIn(String key) {
    int at = key.indexOf(SEPARATOR);
    if (at < 0) {
      throw new ValueFormatException("key '" + key + "' has no client id separator");
    }
    return at;
  }
}
