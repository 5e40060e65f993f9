package org.sngw.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/** A sensor reached over UDP at an IP address and port. */
public record UdpPeer(InetSocketAddress socket) implements PeerAddress {
  public UdpPeer {
    Objects.requireNonNull(socket, "socket");
  }

  @Override
  public String toString() {
    return "udp:" + socket.getAddress().getHostAddress() + ":" + socket.getPort();
  }
}
