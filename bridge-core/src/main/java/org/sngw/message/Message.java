package org.sngw.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An application message: what a client published, a will, or a retained message. The payload
 * array is never mutated after construction, so one array is shared by every subscriber.
 *
 * @param properties what an MQTT 5 publisher said about it; {@link MessageProperties#NONE} for others
 */
public record Message(String topic, byte[] payload, Qos qos, boolean retain, MessageProperties properties) {
  public Message {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(qos, "qos");
    Objects.requireNonNull(properties, "properties");
  }

  /** A message without properties, as MQTT 3.1.1 and MQTT-SN publish them. */
  public Message(String topic, byte[] payload, Qos qos, boolean retain) {
    this(topic, payload, qos, retain, MessageProperties.NONE);
  }

  /** The same message with other delivery flags; no copy when nothing changes. */
  public Message withFlags(Qos newQos, boolean newRetain) {
    return newQos == qos && newRetain == retain ? this : new Message(topic, payload, newQos, newRetain, properties);
  }

  /** The same message with other properties. */
  public Message withProperties(MessageProperties newProperties) {
    return newProperties.equals(properties) ? this : new Message(topic, payload, qos, retain, newProperties);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Message m
        && m.topic.equals(topic)
        && m.qos == qos
        && m.retain == retain
        && Arrays.equals(m.payload, payload)
        && m.properties.equals(properties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, qos, retain, properties) * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    String text = new String(payload, 0, Math.min(payload.length, 64), StandardCharsets.UTF_8);
    return "Message[topic=" + topic + ", qos=" + qos + ", retain=" + retain + ", payload("
        + payload.length + ")=" + text + "]";
  }
}
