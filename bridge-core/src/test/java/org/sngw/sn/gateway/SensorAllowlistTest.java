package org.sngw.sn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.transport.BlePeer;
import org.sngw.transport.ForwardedPeer;
import org.sngw.transport.SerialPeer;
import org.sngw.transport.UdpPeer;
import org.sngw.transport.WirelessNodeId;

class SensorAllowlistTest {
  private static final UdpPeer LAN = new UdpPeer(new InetSocketAddress("192.168.1.20", 40000));
  private static final UdpPeer ELSEWHERE = new UdpPeer(new InetSocketAddress("10.0.0.9", 40000));

  @Test
  void open_allowsAnySensor() {
    assertThat(SensorAllowlist.OPEN.allows("anything", ELSEWHERE)).isTrue();
    assertThat(SensorAllowlist.OPEN.allowsWithoutConnection(ELSEWHERE)).isTrue();
  }

  @Test
  void clientIdPattern_withoutAddress_allowsItFromAnywhere() {
    SensorAllowlist list = list(new SensorAllowlist.Entry("kitchen-*", Optional.empty()));

    assertThat(list.allows("kitchen-1", ELSEWHERE)).isTrue();
    assertThat(list.allows("kitchen-", LAN)).isTrue();
    assertThat(list.allows("garage-1", LAN)).isFalse();
    assertThat(list.allows("a.kitchen-1", LAN)).as("the pattern is the whole id").isFalse();
  }

  @Test
  void udpNetwork_bindsTheIdToAddressesInIt_andAForwardersCounts() {
    SensorAllowlist list = list(new SensorAllowlist.Entry("*", Optional.of("udp:192.168.1.0/24")));
    ForwardedPeer viaLanForwarder = new ForwardedPeer(LAN, WirelessNodeId.of(new byte[] {1, 2}));

    assertThat(list.allows("s1", LAN)).isTrue();
    assertThat(list.allows("s1", ELSEWHERE)).isFalse();
    assertThat(list.allows("s1", viaLanForwarder)).isTrue();
    assertThat(list.allows("s1", SerialPeer.of("/dev/ttyUSB0"))).isFalse();
  }

  @Test
  void udpSingleAddressAndIpv6_match() {
    assertThat(list(new SensorAllowlist.Entry("*", Optional.of("udp:10.0.0.9"))).allows("x", ELSEWHERE)).isTrue();
    UdpPeer v6 = new UdpPeer(new InetSocketAddress("fd00::17", 40000));
    assertThat(list(new SensorAllowlist.Entry("*", Optional.of("udp:fd00::/16"))).allows("x", v6)).isTrue();
    assertThat(list(new SensorAllowlist.Entry("*", Optional.of("udp:fd00::/16"))).allows("x", LAN)).isFalse();
  }

  @Test
  void otherAddresses_matchAsTheLogsWriteThem() {
    SensorAllowlist list = list(
        new SensorAllowlist.Entry("xbee-*", Optional.of("serial:/dev/ttyUSB0/*")),
        new SensorAllowlist.Entry("band-*", Optional.of("ble:AA:BB:CC:*")));
    SerialPeer radio = new SerialPeer("/dev/ttyUSB0", Optional.of(WirelessNodeId.of(new byte[] {0, 0x13, (byte) 0xA2})));

    assertThat(list.allows("xbee-1", radio)).isTrue();
    assertThat(list.allows("xbee-1", new SerialPeer("/dev/ttyUSB1", radio.radioNode()))).isFalse();
    assertThat(list.allows("band-1", new BlePeer("AA:BB:CC:DD:EE:01"))).isTrue();
    assertThat(list.allows("band-1", new BlePeer("AA:BB:CD:DD:EE:01"))).isFalse();
  }

  @Test
  void withoutConnection_needsAnEntryWhoseAddressIsTheSenders() {
    SensorAllowlist list = list(new SensorAllowlist.Entry("*", Optional.of("udp:192.168.1.0/24")),
        new SensorAllowlist.Entry("anywhere-*", Optional.empty()));

    assertThat(list.allowsWithoutConnection(LAN)).isTrue();
    assertThat(list.allowsWithoutConnection(ELSEWHERE)).isFalse();
  }

  @Test
  void badUdpNetwork_isRefused() {
    assertThatThrownBy(() -> new SensorAllowlist.Entry("*", Optional.of("udp:lan.example.com")))
        .hasMessageContaining("udp:ADDRESS/BITS");
    assertThatThrownBy(() -> new SensorAllowlist.Entry("*", Optional.of("udp:127.0.0.0/33")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static SensorAllowlist list(SensorAllowlist.Entry... entries) {
    return new SensorAllowlist(List.of(entries), false);
  }
}
