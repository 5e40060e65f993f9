package org.sngw.sn.gateway;

/** One change of a client's MQTT-SN topic ids that a {@link TopicIdStore} keeps. */
public sealed interface TopicIdChange {
  record Saved(String clientId, int topicId, String topicName) implements TopicIdChange {}

  /** Forgets one topic id of a client (the sensor said it does not know it). */
  record Deleted(String clientId, int topicId) implements TopicIdChange {}

  /** Forgets every topic id of a client. */
  record AllDeleted(String clientId) implements TopicIdChange {}
}
