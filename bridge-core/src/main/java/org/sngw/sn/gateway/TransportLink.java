package org.sngw.sn.gateway;

import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket;
import org.sngw.transport.ForwardedPeer;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;

/** Sends to a sensor over its transport, encapsulating for sensors behind a forwarder. */
record TransportLink(Transport transport, PeerAddress peer) implements SnLink {
  @Override
  public void send(SnPacket packet) {
    if (peer instanceof ForwardedPeer forwarded) {
      transport.send(forwarded.forwarder(), SnEncoder.encode(new SnPacket.Encapsulated(0, forwarded.node(), packet)));
    } else {
      transport.send(peer, SnEncoder.encode(packet));
    }
  }
}
