package org.sngw.mqtt;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the MQTT listener, written on the core thread, read by metrics. */
public final class MqttStats {
  final LongAdder qos0Dropped = new LongAdder();

  /** QoS 0 messages not sent because the subscriber's connection buffer was full. */
  public long qos0Dropped() {
    return qos0Dropped.sum();
  }
}
