package org.sngw.sn.gateway;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the MQTT-SN side, written by I/O threads and the core, read by metrics. */
public final class SnStats {
  final LongAdder malformedFrames = new LongAdder();
  final LongAdder overloadDrops = new LongAdder();
  final LongAdder pendingDrops = new LongAdder();
  final LongAdder sessionsRefused = new LongAdder();

  /** Frames that did not decode as MQTT-SN. */
  public long malformedFrames() {
    return malformedFrames.sum();
  }

  /** Frames dropped because the core loop was too far behind. */
  public long overloadDrops() {
    return overloadDrops.sum();
  }

  /** CONNECTs refused with "congestion" because the gateway had as many sessions as it takes. */
  public long sessionsRefused() {
    return sessionsRefused.sum();
  }

  /** QoS 0 messages dropped because a sensor's pending buffer was full. */
  public long pendingDrops() {
    return pendingDrops.sum();
  }
}
