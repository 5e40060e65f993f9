package org.sngw.config;

/**
 * Limits of the broker core and of its MQTT listener. Nothing in the broker grows without one of
 * these bounds.
 *
 * @param maxQueuedMessages QoS 1/2 messages queued per session beyond its in-flight window
 * @param mqttInflightWindow QoS 1/2 deliveries an MQTT client may have unacknowledged
 * @param maxMessageBytes largest MQTT packet accepted from a TCP client
 * @param maxQueuedBytes bytes (topic and payload) queued per session
 * @param maxStoreBytes bytes of all queued messages of persistent sessions plus retained messages
 * @param maxConnections MQTT clients connected at once; a CONNECT beyond gets CONNACK 3 "server
 *     unavailable"
 * @param maxPendingConnections TCP connections accepted but not yet past CONNECT; one beyond is
 *     closed at once, so half-open sockets cannot crowd out clients
 */
public record BrokerConfig(
    int maxQueuedMessages,
    int mqttInflightWindow,
    int maxMessageBytes,
    long maxQueuedBytes,
    long maxStoreBytes,
    int maxConnections,
    int maxPendingConnections) {
  public static final long DEFAULT_MAX_QUEUED_BYTES = 1L << 20;
  public static final long DEFAULT_MAX_STORE_BYTES = 256L << 20;
  public static final int DEFAULT_MAX_CONNECTIONS = 1000;
  public static final int DEFAULT_MAX_PENDING_CONNECTIONS = 100;

  /** Limits by message count, with the default byte budgets and connection limits. */
  public BrokerConfig(int maxQueuedMessages, int mqttInflightWindow, int maxMessageBytes) {
    this(maxQueuedMessages, mqttInflightWindow, maxMessageBytes, DEFAULT_MAX_QUEUED_BYTES, DEFAULT_MAX_STORE_BYTES);
  }

  /** With the default connection limits. */
  public BrokerConfig(
      int maxQueuedMessages, int mqttInflightWindow, int maxMessageBytes, long maxQueuedBytes, long maxStoreBytes) {
    this(maxQueuedMessages, mqttInflightWindow, maxMessageBytes, maxQueuedBytes, maxStoreBytes,
        DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_PENDING_CONNECTIONS);
  }

  public static BrokerConfig defaults() {
    return new BrokerConfig(1000, 32, 256 * 1024);
  }

  public BrokerConfig withConnectionLimits(int connections, int pending) {
    return new BrokerConfig(
        maxQueuedMessages, mqttInflightWindow, maxMessageBytes, maxQueuedBytes, maxStoreBytes, connections, pending);
  }
}
