package org.sngw.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.BrokerCore;
import org.sngw.broker.ConnectRequest;
import org.sngw.broker.Delivery;
import org.sngw.broker.SessionSink;
import org.sngw.broker.Subscription;
import org.sngw.message.Qos;
import org.sngw.time.VirtualTime;

/** The metrics as retained $SYS topics, published on a virtual clock to a real broker core. */
class SysTopicsTest {
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  private final VirtualTime time = new VirtualTime();
  private final BrokerCore broker = new BrokerCore(BrokerConfig.defaults());
  private final GatewayMetrics metrics = new GatewayMetrics();
  private final AtomicLong received = new AtomicLong(7);
  private final Map<String, Long> devices = new ConcurrentHashMap<>(Map.of("AA:BB", 1L, "CC/DD#", 2L));
  private final List<String> rounds = new ArrayList<>();
  private final SysTopics sys = new SysTopics(broker, time, metrics, () -> rounds.add("census"), "sngw 1.2.3", INTERVAL);

  SysTopicsTest() {
    metrics.counter("sngw.broker.messages.received", "received", received::get);
    metrics.gauge("sngw.broker.subscriptions", "subscriptions", () -> 3);
    metrics.gauge("sngw.broker.retained", "retained", () -> 4);
    metrics.counter("sngw.sn.malformed", "malformed", "reason", "empty_frame", () -> 2);
    metrics.gauges("sngw.ble.frames.dropped", "dropped per device", "device", () -> devices);
    metrics.gauges("sngw.broker.client.messages.dropped", "per client", "client", () -> Map.of("c1", 5L));
  }

  @Test
  void start_publishesMosquittosNamesAndTheGatewaysOwn_retained() {
    sys.start();

    assertThat(retainedSeenByANewSubscriber()).isEqualTo(Map.of(
        "$SYS/broker/version", "sngw 1.2.3",
        "$SYS/broker/uptime", "0 seconds",
        "$SYS/broker/messages/received", "7",
        "$SYS/broker/subscriptions/count", "3",
        "$SYS/broker/retained messages/count", "4",
        "$SYS/broker/gateway/sn/malformed/empty_frame", "2",
        "$SYS/broker/gateway/ble/frames/dropped/AA:BB", "1",
        "$SYS/broker/gateway/ble/frames/dropped/CC_DD_", "2"));
  }

  @Test
  void eachRound_takesTheCensusFirst_andPublishesOnlyWhatChanged() {
    sys.start();
    Watcher watcher = subscribe();

    received.set(9);
    time.advance(INTERVAL);
    time.advance(INTERVAL);

    assertThat(watcher.seen).containsExactlyInAnyOrder(
        "$SYS/broker/uptime 10 seconds", "$SYS/broker/messages/received 9", "$SYS/broker/uptime 20 seconds");
    assertThat(rounds).containsExactly("census", "census", "census");
  }

  @Test
  void aMetricThatIsGone_hasItsRetainedMessageDeleted() {
    sys.start();
    devices.remove("AA:BB");
    time.advance(INTERVAL);

    assertThat(retainedSeenByANewSubscriber()).doesNotContainKey("$SYS/broker/gateway/ble/frames/dropped/AA:BB")
        .containsKey("$SYS/broker/gateway/ble/frames/dropped/CC_DD_");
  }

  @Test
  void stop_publishesNoMore() {
    sys.start();
    Watcher watcher = subscribe();
    sys.stop();

    received.set(100);
    time.advance(INTERVAL.multipliedBy(3));

    assertThat(watcher.seen).isEmpty();
  }

  @Test
  void topicOf_leavesOutPerClientMetricsAndOthersNotOurs() {
    GatewayMetrics.Reading perClient = reading("sngw.broker.client.messages.dropped", Map.of("client", "c1"));
    GatewayMetrics.Reading foreign = reading("jvm.memory.used", Map.of());
    GatewayMetrics.Reading bridge = reading("sngw.bridge.backlog", Map.of("bridge", "cloud"));

    assertThat(SysTopics.topicOf(perClient)).isEmpty();
    assertThat(SysTopics.topicOf(foreign)).isEmpty();
    assertThat(SysTopics.topicOf(bridge)).contains("$SYS/broker/gateway/bridge/backlog/cloud");
  }

  private static GatewayMetrics.Reading reading(String name, Map<String, String> tags) {
    return new GatewayMetrics.Reading(name, new TreeMap<>(tags), 1);
  }

  /** A subscriber to $SYS/# that connects now and records what reaches it, "topic payload" each. */
  private Watcher subscribe() {
    Watcher watcher = new Watcher();
    var handle = broker.connect(new ConnectRequest("dashboard-" + System.identityHashCode(watcher), true,
        Optional.empty(), Duration.ZERO, 8), watcher);
    broker.subscribe(handle, List.of(new Subscription("$SYS/#", Qos.AT_MOST_ONCE)), granted -> { });
    watcher.seen.clear();
    return watcher;
  }

  private Map<String, String> retainedSeenByANewSubscriber() {
    Watcher watcher = new Watcher();
    var handle = broker.connect(new ConnectRequest("reader", true, Optional.empty(), Duration.ZERO, 64), watcher);
    broker.subscribe(handle, List.of(new Subscription("$SYS/#", Qos.AT_MOST_ONCE)), granted -> { });
    Map<String, String> retained = new LinkedHashMap<>();
    watcher.deliveries.forEach(d -> retained.put(d.message().topic(),
        new String(d.message().payload(), StandardCharsets.UTF_8)));
    return retained;
  }

  private static final class Watcher implements SessionSink {
    final List<Delivery> deliveries = new ArrayList<>();
    final List<String> seen = new ArrayList<>();

    @Override
    public void deliver(Delivery delivery) {
      deliveries.add(delivery);
      seen.add(delivery.message().topic() + " " + new String(delivery.message().payload(), StandardCharsets.UTF_8));
    }

    @Override
    public void release(int packetId) { }

    @Override
    public void takenOver() { }
  }
}
