package org.sngw.message;

/** MQTT quality of service for a message or a subscription. */
public enum Qos {
  AT_MOST_ONCE,
  AT_LEAST_ONCE,
  EXACTLY_ONCE;

  private static final Qos[] BY_VALUE = values();

  /** 0, 1 or 2. */
  public int value() {
    return ordinal();
  }

  public static Qos of(int value) {
    if (value < 0 || value > 2) {
      throw new IllegalArgumentException("QoS is 0, 1 or 2: " + value);
    }
    return BY_VALUE[value];
  }

  /** The lower of the two: a message is delivered at most at its subscription's QoS. */
  public Qos min(Qos other) {
    return ordinal() <= other.ordinal() ? this : other;
  }
}
