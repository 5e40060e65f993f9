package org.sngw.sim;

import org.sngw.message.Qos;

/**
 * One application message a sensor or MQTT client set out to publish, named by its payload (unique
 * in a run), and what its publisher learnt about it. Only an acknowledged message makes a claim.
 */
final class Publication {
  private final String payload;
  private final String topic;
  private final Qos qos;
  private final boolean retain;
  private final String publisher;
  private long firstSentNanos = -1;
  private long ackedNanos = -1;
  private boolean refused;

  Publication(String payload, String topic, Qos qos, boolean retain, String publisher) {
    this.payload = payload;
    this.topic = topic;
    this.qos = qos;
    this.retain = retain;
    this.publisher = publisher;
  }

  String payload() {
    return payload;
  }

  String topic() {
    return topic;
  }

  Qos qos() {
    return qos;
  }

  boolean retain() {
    return retain;
  }

  String publisher() {
    return publisher;
  }

  /** When it first left its publisher: the broker cannot have routed it before. -1 if never. */
  long firstSentNanos() {
    return firstSentNanos;
  }

  /** PUBACK accepted (QoS 1), PUBREC (QoS 2) or the broker's ACCEPTED; -1 if never. */
  long ackedNanos() {
    return ackedNanos;
  }

  boolean acked() {
    return ackedNanos >= 0;
  }

  boolean refused() {
    return refused;
  }

  void sent(long nanos) {
    if (firstSentNanos < 0) {
      firstSentNanos = nanos;
    }
  }

  void acked(long nanos) {
    if (ackedNanos < 0) {
      ackedNanos = nanos;
    }
  }

  void refused(boolean value) {
    refused = value;
  }

  @Override
  public String toString() {
    return "'" + payload + "' (" + topic + ", QoS " + qos.value() + (retain ? ", retained" : "") + ")";
  }
}
