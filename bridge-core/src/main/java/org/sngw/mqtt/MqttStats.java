package org.sngw.mqtt;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the MQTT listener, written on the core and I/O threads, read by metrics. */
public final class MqttStats {
  final LongAdder qos0Dropped = new LongAdder();
  final LongAdder refusedPending = new LongAdder();
  final LongAdder refusedConnected = new LongAdder();
  final LongAdder refusedLogins = new LongAdder();

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

  /** CONNECTs answered 3 (server unavailable): as many clients were connected as allowed. */
  public long refusedConnected() {
    return refusedConnected.sum();
  }
}
