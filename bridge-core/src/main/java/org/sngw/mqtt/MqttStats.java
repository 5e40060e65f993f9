package org.sngw.mqtt;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the MQTT listener, written on the core and I/O threads, read by metrics. */
public final class MqttStats {
  final LongAdder qos0Dropped = new LongAdder();
  final LongAdder refusedPending = new LongAdder();
  final LongAdder refusedConnected = new LongAdder();
  final LongAdder refusedLogins = new LongAdder();
  final LongAdder bytesReceived = new LongAdder();
  final LongAdder bytesSent = new LongAdder();
  final LongAdder tooLargeForClient = new LongAdder();

  /** QoS 0 messages not sent because the subscriber's connection buffer was full. */
  public long qos0Dropped() {
    return qos0Dropped.sum();
  }

  /** Connections closed at accept: as many were waiting for their CONNECT as allowed. */
  public long refusedPending() {
    return refusedPending.sum();
  }

  /** CONNECTs answered 4 (bad username or password) or 5 (not authorized). */
  public long refusedLogins() {
    return refusedLogins.sum();
  }

  /** Bytes of MQTT packets read from clients, past TLS and WebSocket framing. */
  public long bytesReceived() {
    return bytesReceived.sum();
  }

  /** Bytes of MQTT packets written to clients. */
  public long bytesSent() {
    return bytesSent.sum();
  }

  /** Messages not sent to an MQTT 5 client: larger than the Maximum Packet Size it asked for. */
  public long tooLargeForClient() {
    return tooLargeForClient.sum();
  }

  /** CONNECTs answered 3 (server unavailable): as many clients were connected as allowed. */
  public long refusedConnected() {
    return refusedConnected.sum();
  }
}
