package org.sngw.sn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.sngw.sn.codec.SnDecoder;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket;
import org.sngw.transport.PeerAddress;

/** A sensor on a {@link FakeTransport}: sends encoded packets and reads what came back to it. */
final class VirtualSensor {
  private final FakeTransport transport;
  private final PeerAddress address;
  private int read;

  VirtualSensor(FakeTransport transport, PeerAddress address) {
    this.transport = transport;
    this.address = address;
  }

  void send(SnPacket packet) {
    transport.listener.onFrame(address, SnEncoder.encode(packet));
  }

  /** Packets sent to this sensor since the last call. */
  List<SnPacket> received() {
    List<SnPacket> all = new ArrayList<>();
    for (FakeTransport.Sent sent : transport.sent) {
      if (sent.to().equals(address)) {
        all.add((SnPacket) SnDecoder.decode(sent.frame().duplicate()));
      }
    }
    List<SnPacket> fresh = List.copyOf(all.subList(read, all.size()));
    read = all.size();
    return fresh;
  }

  /** Asserts exactly one packet arrived since the last call, and returns it. */
  SnPacket receivedOne() {
    List<SnPacket> fresh = received();
    assertThat(fresh).hasSize(1);
    return fresh.get(0);
  }
}
