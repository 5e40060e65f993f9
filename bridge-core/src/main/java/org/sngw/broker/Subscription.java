package org.sngw.broker;

import java.util.Objects;
import org.sngw.message.Qos;

/**
 * A topic filter, possibly with {@code +} and {@code #}, the highest QoS wanted for it, and when
 * the retained messages it matches are sent (MQTT 5's retain handling).
 */
public record Subscription(String filter, Qos qos, RetainHandling retainHandling) {
  public Subscription {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(qos, "qos");
    Objects.requireNonNull(retainHandling, "retainHandling");
  }

  /** An MQTT 3.1.1 subscription: retained messages are sent every time. */
  public Subscription(String filter, Qos qos) {
    this(filter, qos, RetainHandling.ALWAYS);
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
