package org.sngw.config;

/**
 * Limits of the broker core.
 *
 * @param maxQueuedMessages QoS 1/2 messages queued per session beyond its in-flight window
 * @param mqttInflightWindow QoS 1/2 deliveries an MQTT client may have unacknowledged
 * @param maxMessageBytes largest MQTT packet accepted from a TCP client
 */
public record BrokerConfig(int maxQueuedMessages, int mqttInflightWindow, int maxMessageBytes) {
  public static BrokerConfig defaults() {
    return new BrokerConfig(1000, 32, 256 * 1024);
  }
}
