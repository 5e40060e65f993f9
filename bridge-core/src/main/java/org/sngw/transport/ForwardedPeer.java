package org.sngw.transport;

import java.util.Objects;

/**
 * A sensor behind an MQTT-SN forwarder: frames to it are encapsulated and sent to the forwarder,
 * tagged with the sensor's wireless node id.
 */
public record ForwardedPeer(PeerAddress forwarder, WirelessNodeId node) implements PeerAddress {
  public ForwardedPeer {
    Objects.requireNonNull(forwarder, "forwarder");
    Objects.requireNonNull(node, "node");
    if (forwarder instanceof ForwardedPeer) {
      throw new IllegalArgumentException("forwarders do not nest");
    }
  }

  @Override
  public String toString() {
    return forwarder + "/" + node;
  }
}
