package org.sngw.sn.gateway;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.sngw.sn.codec.SnMalformed;

/** Counters of the MQTT-SN side, written by I/O threads and the core, read by metrics. */
public final class SnStats {
  private final Map<SnMalformed.Reason, LongAdder> malformedByReason = new EnumMap<>(SnMalformed.Reason.class);
  final LongAdder overloadDrops = new LongAdder();
  final LongAdder pendingDrops = new LongAdder();
  final LongAdder sessionsRefused = new LongAdder();
  final LongAdder qosMinusOneRefused = new LongAdder();
  final LongAdder unlistedRefused = new LongAdder();
  final LongAdder bytesReceived = new LongAdder();
  final LongAdder bytesSent = new LongAdder();

  SnStats() {
    for (SnMalformed.Reason reason : SnMalformed.Reason.values()) {
      malformedByReason.put(reason, new LongAdder());
    }
  }

  void malformed(SnMalformed.Reason reason) {
    malformedByReason.get(reason).increment();
  }

  /** Frames that did not decode as MQTT-SN. */
  public long malformedFrames() {
    return malformedByReason.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Frames that did not decode as MQTT-SN for this reason. */
  public long malformedFrames(SnMalformed.Reason reason) {
    return malformedByReason.get(reason).sum();
  }

  /** Frames dropped because the core loop was too far behind. */
  public long overloadDrops() {
    return overloadDrops.sum();
  }

  /** CONNECTs refused with "congestion" because the gateway had as many sessions as it takes. */
  public long sessionsRefused() {
    return sessionsRefused.sum();
  }

  /** QoS -1 PUBLISHes dropped because the gateway does not take them (mqtt-sn.qos-minus-one). */
  public long qosMinusOneRefused() {
    return qosMinusOneRefused.sum();
  }

  /** CONNECTs refused or ignored because the sensor is not on the allowlist. */
  public long unlistedRefused() {
    return unlistedRefused.sum();
  }

  /** Bytes of every frame from sensors, malformed ones too. */
  public long bytesReceived() {
    return bytesReceived.sum();
  }

  /** Bytes of every frame to sensors. */
  public long bytesSent() {
    return bytesSent.sum();
  }

  /** QoS 0 messages dropped because a sensor's pending buffer was full. */
  public long pendingDrops() {
    return pendingDrops.sum();
  }
}
