package org.sngw.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnPacket.PubRel;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnQos;

/**
 * What reached the gateway from each sensor, as far as {@link KnownBug} signatures need it: when
 * CONNECTs arrived, and QoS 2 PUBLISH copies that arrived after the gateway had their PUBREL.
 */
final class GatewayArrivals {
  private final Map<String, List<Long>> connects = new HashMap<>();
  private final Map<String, Set<Integer>> released = new HashMap<>();
  private final Set<String> lateExactlyOnceCopies = new HashSet<>();

  void arrived(String sensor, SnPacket packet, long nanos) {
    if (packet instanceof Connect) {
      connects.computeIfAbsent(sensor, s -> new ArrayList<>()).add(nanos);
    } else if (packet instanceof PubRel rel) {
      released.computeIfAbsent(sensor, s -> new HashSet<>()).add(rel.msgId());
    } else if (packet instanceof Publish publish && publish.qos() == SnQos.EXACTLY_ONCE
        && released.getOrDefault(sensor, Set.of()).contains(publish.msgId())) {
      lateExactlyOnceCopies.add(Ledger.text(publish.data()));
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
}
