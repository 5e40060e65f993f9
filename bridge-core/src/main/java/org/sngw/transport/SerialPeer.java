package org.sngw.transport;

import java.util.Objects;
import java.util.Optional;

/**
 * A sensor on a serial port; with a radio (XBee) on the port, the radio node address tells the
 * sensors on one port apart.
 */
public record SerialPeer(String port, Optional<WirelessNodeId> radioNode) implements PeerAddress {
  public SerialPeer {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(radioNode, "radioNode");
  }

  public static SerialPeer of(String port) {
    return new SerialPeer(port, Optional.empty());
  }

  @Override
  public String toString() {
    return "serial:" + port + radioNode.map(n -> "/" + n).orElse("");
  }
}
