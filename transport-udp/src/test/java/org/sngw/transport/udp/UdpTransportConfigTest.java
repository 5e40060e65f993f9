package org.sngw.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.config.ListenAddress;

class UdpTransportConfigTest {
  private static final ListenAddress ANY = new ListenAddress("127.0.0.1", 1884);

  @Test
  void of_bindOnly_usesDefaultsWithoutBroadcast() {
    UdpTransportConfig config = UdpTransportConfig.of(ANY);

    assertThat(config.broadcastTarget()).isEmpty();
    assertThat(config.receiveBufferBytes()).isEqualTo(4 * 1024 * 1024);
    assertThat(config.maxFrameSize()).isEqualTo(65_507);
    assertThat(config.sendQueueCapacity()).isPositive();
  }

  @Test
  void withBroadcastTarget_keepsOtherSettings() {
    InetSocketAddress target = new InetSocketAddress("127.0.0.1", 1885);

    UdpTransportConfig config = UdpTransportConfig.of(ANY).withBroadcastTarget(target);

    assertThat(config.broadcastTarget()).contains(target);
    assertThat(config.maxFrameSize()).isEqualTo(UdpTransportConfig.MAX_DATAGRAM);
  }

  @Test
  void new_maxFrameSizeAboveUdpLimit_namesTheField() {
    assertThatThrownBy(() -> new UdpTransportConfig(ANY, Optional.empty(), 1024, 65_508, 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxFrameSize");
  }

  @Test
  void new_nonPositiveReceiveBuffer_namesTheField() {
    assertThatThrownBy(() -> new UdpTransportConfig(ANY, Optional.empty(), 0, 512, 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("receiveBufferBytes");
  }

  @Test
  void new_unresolvedBroadcastTarget_isRejected() {
    InetSocketAddress unresolved = InetSocketAddress.createUnresolved("sensors.example", 1885);

    assertThatThrownBy(() -> UdpTransportConfig.of(ANY).withBroadcastTarget(unresolved))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("broadcastTarget");
  }
}
