package org.sngw.broker;

import java.util.Objects;

/** A topic filter, possibly with {@code +} and {@code #}, and the highest QoS wanted for it. */
public record Subscription(String filter, Qos qos) {
  public Subscription {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(qos, "qos");
  }
}
