package org.sngw.broker;

import java.time.Duration;

/**
 * Limits of the broker core and of its MQTT listener. Nothing in the broker grows without one of
 * these bounds. The byte bounds count each message as its payload, its topic (in chars) and 64
 * bytes for the heap a queued copy takes beside them, so that they bound floods of tiny messages
 * too.
 *
 * @param maxQueuedMessages QoS 1/2 messages queued per session beyond its in-flight window
 * @param mqttInflightWindow QoS 1/2 deliveries an MQTT client may have unacknowledged
 * @param maxMessageBytes largest MQTT packet accepted from a TCP client
 * @param maxQueuedBytes bytes (payload, topic and 64 per message) queued per session
 * @param maxStoreBytes bytes (payload, topic and 64 per message) of all queued messages of
 *     persistent sessions plus retained messages
 * @param maxQueuedTotalBytes bytes (payload, topic and 64 per message) queued in memory by all
 *     sessions together; past it the longest queue loses its oldest, and only if that cannot make
 *     room is a publisher refused. The gateway's defaults of this and {@code maxStoreBytes} follow its
 *     heap ({@code config.MemoryDefaults}); {@link #defaults()} here has the fixed caps
 * @param maxConnections MQTT clients connected at once; a CONNECT beyond gets CONNACK 3 "server
 *     unavailable"
 * @param maxPendingConnections TCP connections accepted but not yet past CONNECT; one beyond is
 *     closed at once, so half-open sockets cannot crowd out clients
 * @param backpressureHold how long a subscriber whose queue is full may hold back its publishers'
 *     acknowledgements before its oldest messages are dropped instead; well inside an MQTT-SN
 *     sensor's retry interval (T_retry, 10 to 15 s)
 * @param persistentSessionExpiry how long a persistent session may stay without a connection
 *     before it is ended, like Mosquitto's {@code persistent_client_expiration}; the bridges'
 *     outboxes never expire
 * @param sysInterval how often the counters are published as retained {@code $SYS} topics, like
 *     Mosquitto's {@code sys_interval}; zero for never
 */
public record BrokerConfig(
    int maxQueuedMessages,
    int mqttInflightWindow,
    int maxMessageBytes,
    long maxQueuedBytes,
    long maxStoreBytes,
    int maxConnections,
    int maxPendingConnections,
    Duration backpressureHold,
    Duration persistentSessionExpiry,
    long maxQueuedTotalBytes,
    Duration sysInterval) {
  // Ten times Mosquitto's 1000 messages: a few seconds of a busy sensor network for a subscriber
  // that stalls, before it holds its publishers back; the shared memory bound caps the sum.
  public static final int DEFAULT_MAX_QUEUED_MESSAGES = 10_000;
  public static final long DEFAULT_MAX_QUEUED_BYTES = 8L << 20;
  public static final long DEFAULT_MAX_STORE_BYTES = 256L << 20;
  public static final int DEFAULT_MAX_CONNECTIONS = 1000;
  public static final int DEFAULT_MAX_PENDING_CONNECTIONS = 100;
  public static final Duration DEFAULT_BACKPRESSURE_HOLD = Duration.ofSeconds(2);
  public static final Duration DEFAULT_PERSISTENT_SESSION_EXPIRY = Duration.ofDays(7);
  public static final long DEFAULT_MAX_QUEUED_TOTAL_BYTES = 64L << 20;
  public static final Duration DEFAULT_SYS_INTERVAL = Duration.ofSeconds(10);

  public BrokerConfig {
    if (backpressureHold.isNegative()) {
      throw new IllegalArgumentException("backpressureHold must not be negative: " + backpressureHold);
    }
    if (persistentSessionExpiry.isNegative() || persistentSessionExpiry.isZero()) {
      throw new IllegalArgumentException("persistentSessionExpiry must be positive: " + persistentSessionExpiry);
    }
    if (maxQueuedTotalBytes < 1) {
      throw new IllegalArgumentException("maxQueuedTotalBytes must be positive: " + maxQueuedTotalBytes);
    }
    if (sysInterval.isNegative()) {
      throw new IllegalArgumentException("sysInterval must not be negative: " + sysInterval);
    }
  }

  /** Limits by message count, with the default byte budgets and connection limits. */
  public BrokerConfig(int maxQueuedMessages, int mqttInflightWindow, int maxMessageBytes) {
    this(maxQueuedMessages, mqttInflightWindow, maxMessageBytes, DEFAULT_MAX_QUEUED_BYTES, DEFAULT_MAX_STORE_BYTES);
  }

  /** With the default connection limits, hold time and expiry. */
  public BrokerConfig(
      int maxQueuedMessages, int mqttInflightWindow, int maxMessageBytes, long maxQueuedBytes, long maxStoreBytes) {
    this(maxQueuedMessages, mqttInflightWindow, maxMessageBytes, maxQueuedBytes, maxStoreBytes,
        DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_PENDING_CONNECTIONS, DEFAULT_BACKPRESSURE_HOLD,
        DEFAULT_PERSISTENT_SESSION_EXPIRY, DEFAULT_MAX_QUEUED_TOTAL_BYTES, DEFAULT_SYS_INTERVAL);
  }

  public static BrokerConfig defaults() {
    return new BrokerConfig(DEFAULT_MAX_QUEUED_MESSAGES, 32, 256 * 1024);
  }

  public BrokerConfig withConnectionLimits(int connections, int pending) {
    return new BrokerConfig(maxQueuedMessages, mqttInflightWindow, maxMessageBytes, maxQueuedBytes, maxStoreBytes,
        connections, pending, backpressureHold, persistentSessionExpiry, maxQueuedTotalBytes, sysInterval);
  }

  public BrokerConfig withBackpressureHold(Duration hold) {
    return new BrokerConfig(maxQueuedMessages, mqttInflightWindow, maxMessageBytes, maxQueuedBytes, maxStoreBytes,
        maxConnections, maxPendingConnections, hold, persistentSessionExpiry, maxQueuedTotalBytes, sysInterval);
  }

  public BrokerConfig withPersistentSessionExpiry(Duration expiry) {
    return new BrokerConfig(maxQueuedMessages, mqttInflightWindow, maxMessageBytes, maxQueuedBytes, maxStoreBytes,
        maxConnections, maxPendingConnections, backpressureHold, expiry, maxQueuedTotalBytes, sysInterval);
  }

  public BrokerConfig withMaxStoreBytes(long bytes) {
    return new BrokerConfig(maxQueuedMessages, mqttInflightWindow, maxMessageBytes, maxQueuedBytes, bytes,
        maxConnections, maxPendingConnections, backpressureHold, persistentSessionExpiry, maxQueuedTotalBytes,
        sysInterval);
  }

  public BrokerConfig withMaxQueuedTotalBytes(long bytes) {
    return new BrokerConfig(maxQueuedMessages, mqttInflightWindow, maxMessageBytes, maxQueuedBytes, maxStoreBytes,
        maxConnections, maxPendingConnections, backpressureHold, persistentSessionExpiry, bytes, sysInterval);
  }

  public BrokerConfig withSysInterval(Duration interval) {
    return new BrokerConfig(maxQueuedMessages, mqttInflightWindow, maxMessageBytes, maxQueuedBytes, maxStoreBytes,
        maxConnections, maxPendingConnections, backpressureHold, persistentSessionExpiry, maxQueuedTotalBytes,
        interval);
  }
}
