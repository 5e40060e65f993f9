package org.sngw.sn.codec;

/** MQTT-SN QoS levels as carried in the flags byte (bits 6-5); -1 is publish without connection. */
public enum SnQos {
  AT_MOST_ONCE(0, 0b00),
  AT_LEAST_ONCE(1, 0b01),
  EXACTLY_ONCE(2, 0b10),
  /** QoS -1: PUBLISH with a predefined or short topic from a client that is not connected. */
  FIRE_AND_FORGET(-1, 0b11);

  private final int level;
  private final int bits;

  SnQos(int level, int bits) {
    this.level = level;
    this.bits = bits;
  }

  /** -1, 0, 1 or 2. */
  public int level() {
    return level;
  }

  /** The two flag bits, before shifting into place. */
  public int bits() {
    return bits;
  }

  public static SnQos fromBits(int bits) {
    return switch (bits & 0b11) {
      case 0b00 -> AT_MOST_ONCE;
      case 0b01 -> AT_LEAST_ONCE;
      case 0b10 -> EXACTLY_ONCE;
      default -> FIRE_AND_FORGET;
    };
  }
}
