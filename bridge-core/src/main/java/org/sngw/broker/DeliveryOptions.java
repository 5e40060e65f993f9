package org.sngw.broker;

/**
 * What an MQTT 5 subscription asks of the deliveries through it beyond their QoS, kept with a
 * persistent session's subscription in the store: no-local, retain as published, and the
 * subscription identifier (0 for none). Retain handling matters only when subscribing, so it is not kept.
 */
public record DeliveryOptions(boolean noLocal, boolean retainAsPublished, int identifier) {
  public static final DeliveryOptions PLAIN = new DeliveryOptions(false, false, 0);

  public DeliveryOptions {
    if (identifier < 0 || identifier > Subscription.MAX_IDENTIFIER) {
      throw new IllegalArgumentException("subscription identifier " + identifier);
    }
  }

  public boolean isPlain() {
    return equals(PLAIN);
  }
}
