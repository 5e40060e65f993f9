package org.sngw.broker;

/** How a publish into the broker ended; reported once the message is safe or refused. */
public enum PublishOutcome {
  /** Stored wherever the durability rule needs it: the sender may be acknowledged. */
  ACCEPTED,
  /** A subscriber's queue or the store is full; MQTT-SN answers with its congestion code. */
  CONGESTED,
  /** The topic is not a valid topic name (empty, a wildcard, a NUL character). */
  INVALID_TOPIC,
  /**
   * The sender may not publish to the topic ({@link AccessRules}); nobody got it. MQTT 3.1.1
   * acknowledges it all the same, MQTT-SN answers "rejected: not supported".
   */
  DENIED
}
