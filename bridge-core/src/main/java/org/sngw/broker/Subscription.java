package org.sngw.broker;

import java.util.Objects;
import org.sngw.message.Qos;

/**
 * A topic filter, possibly with {@code +} and {@code #}, the highest QoS wanted for it, and MQTT
 * 5's subscription options: when the retained messages it matches are sent, whether the
 * subscriber's own messages come back to it (no-local), whether a message keeps the retain flag it
 * was published with, and the identifier its deliveries carry.
 *
 * @param identifier MQTT 5's Subscription Identifier, 1 to 268,435,455; 0 for none
 */
public record Subscription(String filter, Qos qos, RetainHandling retainHandling, boolean noLocal,
    boolean retainAsPublished, int identifier) {
  public static final int MAX_IDENTIFIER = 268_435_455;

  public Subscription {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(qos, "qos");
    Objects.requireNonNull(retainHandling, "retainHandling");
    if (identifier < 0 || identifier > MAX_IDENTIFIER) {
      throw new IllegalArgumentException("subscription identifier " + identifier);
    }
  }

  /** With MQTT 5's retain handling, and the other options off. */
  public Subscription(String filter, Qos qos, RetainHandling retainHandling) {
    this(filter, qos, retainHandling, false, false, 0);
  }

  /** An MQTT 3.1.1 subscription: retained messages are sent every time. */
  public Subscription(String filter, Qos qos) {
    this(filter, qos, RetainHandling.ALWAYS);
  }

  /** A subscription restored from the store, with the options it was made with. */
  public Subscription(String filter, Qos qos, DeliveryOptions options) {
    this(filter, qos, RetainHandling.ALWAYS, options.noLocal(), options.retainAsPublished(), options.identifier());
  }

  public DeliveryOptions deliveryOptions() {
    return new DeliveryOptions(noLocal, retainAsPublished, identifier);
  }

  /** Whether a delivery through it is anything but plain: no-local, retain as published, an identifier. */
  public boolean hasDeliveryOptions() {
    return !deliveryOptions().isPlain();
  }

  public enum RetainHandling {
    /** On every SUBSCRIBE, as MQTT 3.1.1 requires. */
    ALWAYS,
    /** Only when the session did not have this subscription yet: the bridge re-subscribing at start. */
    IF_NEW,
    /** Never at SUBSCRIBE: only what is published from then on (MQTT 5's retain handling 2). */
    NEVER
  }
}
