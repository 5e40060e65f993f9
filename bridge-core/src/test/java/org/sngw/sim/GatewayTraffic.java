package org.sngw.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnPacket.PubAck;
import org.sngw.sn.codec.SnPacket.PubRel;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnQos;

/**
 * What crossed the gateway's edge per sensor, as far as {@link KnownBug} signatures need it: when
 * CONNECTs arrived, QoS 2 PUBLISH copies that arrived after the gateway had their PUBREL, and QoS 2
 * messages the gateway refused for congestion.
 */
final class GatewayTraffic {
  private final Map<String, List<Long>> connects = new HashMap<>();
  private final Map<String, Set<Integer>> released = new HashMap<>();
  /** Per sensor, the payload of the last QoS 2 PUBLISH that arrived under each msg id. */
  private final Map<String, Map<Integer, String>> exactlyOnce = new HashMap<>();
  private final Set<String> lateExactlyOnceCopies = new HashSet<>();
  private final Set<String> refusedExactlyOnce = new HashSet<>();

  void arrived(String sensor, SnPacket packet, long nanos) {
    if (packet instanceof Connect) {
      connects.computeIfAbsent(sensor, s -> new ArrayList<>()).add(nanos);
    } else if (packet instanceof PubRel rel) {
      released.computeIfAbsent(sensor, s -> new HashSet<>()).add(rel.msgId());
    } else if (packet instanceof Publish publish && publish.qos() == SnQos.EXACTLY_ONCE) {
      String payload = Ledger.text(publish.data());
      exactlyOnce.computeIfAbsent(sensor, s -> new HashMap<>()).put(publish.msgId(), payload);
      if (released.getOrDefault(sensor, Set.of()).contains(publish.msgId())) {
        lateExactlyOnceCopies.add(payload);
      }
    }
  }

  void sent(String sensor, SnPacket packet) {
    if (packet instanceof PubAck ack && ack.returnCode() == ReturnCode.REJECTED_CONGESTION) {
      String payload = exactlyOnce.getOrDefault(sensor, Map.of()).get(ack.msgId());
      if (payload != null) {
        refusedExactlyOnce.add(payload);
      }
    }
  }

  /** Whether a CONNECT from the sensor reached the gateway after {@code nanos}. */
  boolean connectAfter(String sensor, long nanos) {
    return connects.getOrDefault(sensor, List.of()).stream().anyMatch(at -> at > nanos);
  }

  /** Whether a copy of this QoS 2 message reached the gateway after its PUBREL had. */
  boolean lateCopyOf(String payload) {
    return lateExactlyOnceCopies.contains(payload);
  }

  /** Whether the gateway answered this QoS 2 message with congestion at least once. */
  boolean refusedOnce(String payload) {
    return refusedExactlyOnce.contains(payload);
  }
}
