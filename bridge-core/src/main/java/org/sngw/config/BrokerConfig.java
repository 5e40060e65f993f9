package org.sngw.config;

/**
 * Limits of the broker core. Nothing in the broker grows without one of these bounds.
 *
 * @param maxQueuedMessages QoS 1/2 messages queued per session beyond its in-flight window
 * @param mqttInflightWindow QoS 1/2 deliveries an MQTT client may have unacknowledged
 * @param maxMessageBytes largest MQTT packet accepted from a TCP client
 * @param maxQueuedBytes bytes (topic and payload) queued per session
 * @param maxStoreBytes bytes of all queued messages of persistent sessions plus retained messages
 */
public record BrokerConfig(
    int maxQueuedMessages, int mqttInflightWindow, int maxMessageBytes, long maxQueuedBytes, long maxStoreBytes) {
  public static final long DEFAULT_MAX_QUEUED_BYTES = 1L << 20;
  public static final long DEFAULT_MAX_STORE_BYTES = 256L << 20;

  /** Limits by message count, with the default byte budgets. */
  public BrokerConfig(int maxQueuedMessages, int mqttInflightWindow, int maxMessageBytes) {
    this(maxQueuedMessages, mqttInflightWindow, maxMessageBytes, DEFAULT_MAX_QUEUED_BYTES, DEFAULT_MAX_STORE_BYTES);
  }

  public static BrokerConfig defaults() {
    return new BrokerConfig(1000, 32, 256 * 1024);
  }
}
