package org.sngw.sn.gateway;

import java.nio.ByteBuffer;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket;
import org.sngw.transport.ForwardedPeer;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;

/** Sends to a sensor over its transport, encapsulating for sensors behind a forwarder; counts the bytes. */
record TransportLink(Transport transport, PeerAddress peer, SnStats stats) implements SnLink {
  @Override
  public void send(SnPacket packet) {
    if (peer instanceof ForwardedPeer forwarded) {
      send(forwarded.forwarder(), SnEncoder.encode(new SnPacket.Encapsulated(0, forwarded.node(), packet)));
    } else {
      send(peer, SnEncoder.encode(packet));
    }
  }

  private void send(PeerAddress to, ByteBuffer frame) {
    stats.bytesSent.add(frame.remaining());
    transport.send(to, frame);
  }
}
