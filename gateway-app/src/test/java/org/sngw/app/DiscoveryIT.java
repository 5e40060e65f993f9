package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.auth.AccessConfig;
import org.sngw.broker.BrokerConfig;
import org.sngw.config.GatewayConfig;
import org.sngw.config.ListenAddress;
import org.sngw.config.StoreConfig;
import org.sngw.runtime.StartException;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.Advertise;
import org.sngw.sn.codec.SnPacket.GwInfo;
import org.sngw.sn.gateway.MqttSnConfig;
import org.sngw.transport.udp.UdpSettings;

/**
 * Gateway discovery over real UDP: ADVERTISE and SEARCHGW/GWINFO, with one gateway and with two
 * serving the same sensors. The "broadcast" target is a listening socket on 127.0.0.1, so nothing
 * leaves the host.
 */
class DiscoveryIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration INTERVAL = Duration.ofSeconds(1);

  @TempDir
  Path dataDir;

  private final SnTestClient broadcastListener = SnTestClient.listener();
  private final List<AutoCloseable> toClose = new ArrayList<>(List.of(broadcastListener));

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }

  @Test
  void advertise_arrivesAtTheTargetEveryInterval_withIdAndIntervalAsDuration() {
    Gateway gateway = start("gw", 9, Optional.of(INTERVAL), Optional.of(listenerAddress()));

    List<Long> arrivals = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      assertThat(broadcastListener.receive()).isEqualTo(new Advertise(9, 1));
      assertThat(broadcastListener.lastSender()).isEqualTo(gateway.snAddress());
      arrivals.add(System.nanoTime());
    }

    // One at start, then one per interval: spaced out, not a burst (generous bounds for slow hosts).
    assertThat(Duration.ofNanos(arrivals.get(2) - arrivals.get(0))).isGreaterThan(INTERVAL);
  }

  @Test
  void broadcastTargetWithoutInterval_sendsNothing() throws Exception {
    start("gw", 1, Optional.empty(), Optional.of(listenerAddress()));

    assertThat(broadcastListener.receivesNothingWithin(INTERVAL.multipliedBy(3))).isTrue();
  }

  @Test
  void searchGw_isAnsweredWithTheConfiguredGatewayId() {
    Gateway gateway = start("gw", 200, Optional.empty(), Optional.empty());

    try (SnTestClient sensor = new SnTestClient(gateway.snAddress())) {
      sensor.send(new SnPacket.SearchGw(1));

      assertThat(sensor.receive()).isEqualTo(GwInfo.fromGateway(200));
    }
  }

  @Test
  void twoGateways_eachAnswersSearchGwWithItsOwnId_andBothAdvertise() {
    Gateway first = start("first", 1, Optional.of(INTERVAL), Optional.of(listenerAddress()));
    Gateway second = start("second", 2, Optional.of(INTERVAL), Optional.of(listenerAddress()));

    try (SnTestClient sensor = new SnTestClient(first.snAddress());
        SnTestClient other = new SnTestClient(second.snAddress())) {
      sensor.send(new SnPacket.SearchGw(1));
      other.send(new SnPacket.SearchGw(1));

      assertThat(sensor.receive()).isEqualTo(GwInfo.fromGateway(1));
      assertThat(other.receive()).isEqualTo(GwInfo.fromGateway(2));
    }
    Map<Advertise, InetSocketAddress> heard = new HashMap<>();
    await().atMost(WAIT).untilAsserted(() -> {
      if (broadcastListener.poll(INTERVAL).orElse(null) instanceof Advertise advertise) {
        heard.put(advertise, broadcastListener.lastSender());
      }
      assertThat(heard).containsOnlyKeys(new Advertise(1, 1), new Advertise(2, 1));
    });
    assertThat(heard.get(new Advertise(1, 1))).isEqualTo(first.snAddress());
    assertThat(heard.get(new Advertise(2, 1))).isEqualTo(second.snAddress());
  }

  private ListenAddress listenerAddress() {
    return new ListenAddress("127.0.0.1", broadcastListener.localAddress().getPort());
  }

  private Gateway start(
      String name, int gatewayId, Optional<Duration> advertiseInterval, Optional<ListenAddress> broadcast) {
    MqttSnConfig sn = MqttSnConfig.defaults().withGatewayId(gatewayId).withAdvertiseInterval(advertiseInterval);
    try {
      UdpSettings udp = UdpSettings.on(new ListenAddress("127.0.0.1", 0)).withBroadcast(broadcast);
      Gateway gateway = Gateway.start(new GatewayConfig(List.of(udp), new ListenAddress("127.0.0.1", 0),
          dataDir.resolve(name), StoreConfig.defaults(), sn, BrokerConfig.defaults(), Optional.empty(), List.of(),
          AccessConfig.defaults(), Optional.empty()));
      toClose.add(0, gateway);
      return gateway;
    } catch (StartException e) {
      throw new AssertionError(e);
    }
  }
}
