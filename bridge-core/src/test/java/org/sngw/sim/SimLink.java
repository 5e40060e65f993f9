package org.sngw.sim;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.sngw.sn.codec.SnPacket;
import org.sngw.transport.PeerAddress;

/**
 * One sensor's radio link to the gateway, both ways. It draws every fate from its own random stream,
 * so the order in which the broker fans a message out to sessions (identity-hashed, so not the same
 * from one JVM to the next) cannot shift any other link's luck: a seed replays the same run.
 */
final class SimLink {
  private final SimNetwork network;
  private final String name;
  private final PeerAddress address;
  private final SplittableRandom random;
  private final Consumer<SnPacket> inbox;

  SimLink(SimNetwork network, String name, PeerAddress address, SplittableRandom random, Consumer<SnPacket> inbox) {
    this.network = network;
    this.name = name;
    this.address = address;
    this.random = random;
    this.inbox = inbox;
  }

  String name() {
    return name;
  }

  /** A sensor's own address, or a {@link org.sngw.transport.ForwardedPeer} for one behind a forwarder. */
  PeerAddress address() {
    return address;
  }

  SplittableRandom random() {
    return random;
  }

  /** The sensor sends a packet towards the gateway. */
  void send(SnPacket packet) {
    network.carryUp(this, packet);
  }

  void arrive(SnPacket packet) {
    inbox.accept(packet);
  }
}
