package org.sngw.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.BrokerCore;
import org.sngw.broker.ClientHandle;
import org.sngw.broker.ConnectRequest;
import org.sngw.broker.Delivery;
import org.sngw.broker.SessionSink;
import org.sngw.broker.Subscription;
import org.sngw.config.BridgeConfig;
import org.sngw.config.TopicRule;
import org.sngw.config.TopicRule.Direction;
import org.sngw.events.GatewayEvents;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.time.VirtualTime;

/** The bridge against the real broker core, a fake upstream and virtual time. */
class BridgeTest {
  private final VirtualTime time = new VirtualTime();
  private final List<String> events = new ArrayList<>();
  private final BrokerCore broker = new BrokerCore(BrokerConfig.defaults());

  @Test
  void messagesPublishedWhileUpstreamIsDown_goOutInOrderWhenItComes() throws Exception {
    FakeLink link = new FakeLink(true);
    Bridge bridge = start(link, List.of(new TopicRule("sensors/#", Direction.OUT, Qos.AT_LEAST_ONCE, "", "site-7/")));
    for (int i = 1; i <= 3; i++) {
      publishLocally("sensors/t" + i, "v" + i, Qos.AT_LEAST_ONCE);
    }
    assertThat(link.published).isEmpty();

    link.accept();

    assertThat(bridge.state()).isEqualTo(BridgeState.CONNECTED);
    assertThat(link.published).extracting(FakeLink.Published::topic)
        .containsExactly("site-7/sensors/t1", "site-7/sensors/t2", "site-7/sensors/t3");
    link.acknowledgeAll();
    assertThat(bridge.forwarded()).isEqualTo(3);
  }

  @Test
  void upstreamDrop_queuesUntilTheReconnect_andResendsWhatWasNotAcknowledged() throws Exception {
    FakeLink link = new FakeLink(true);
    Bridge bridge = start(link, BridgeConfig.forwardEverything());
    link.accept();
    publishLocally("a", "1", Qos.AT_LEAST_ONCE);
    assertThat(link.published).hasSize(1);

    link.dropped.accept(new java.io.IOException("network unreachable"));
    publishLocally("a", "2", Qos.AT_LEAST_ONCE);
    assertThat(bridge.state()).isEqualTo(BridgeState.WAITING);
    time.advance(Duration.ofSeconds(2));
    link.accept();

    assertThat(link.published).extracting(FakeLink.Published::payload).containsExactly("1", "1", "2");
  }

  @Test
  void retainedAndQosOfALocalMessage_areKeptUpstream() throws Exception {
    FakeLink link = new FakeLink(true);
    start(link, BridgeConfig.forwardEverything());
    link.accept();

    broker.publish(null, new Message("status/s1", "up".getBytes(StandardCharsets.UTF_8), Qos.EXACTLY_ONCE, true),
        outcome -> { });

    assertThat(link.published).singleElement().satisfies(p -> {
      assertThat(p.retain()).isTrue();
      assertThat(p.qos()).isEqualTo(Qos.EXACTLY_ONCE);
    });
  }

  @Test
  void restartedBridge_doesNotSendRetainedMessagesUpstreamAgain() throws Exception {
    broker.publish(null, new Message("config/s1", "60".getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, true),
        outcome -> { });
    FakeLink first = new FakeLink(true);
    Bridge bridge = start(first, BridgeConfig.forwardEverything());
    first.accept();
    first.acknowledgeAll();
    assertThat(first.published).extracting(FakeLink.Published::topic).containsExactly("config/s1");
    bridge.stop();

    FakeLink second = new FakeLink(true);
    start(second, BridgeConfig.forwardEverything());
    second.accept();

    assertThat(second.published).isEmpty();
  }

  @Test
  void unreachableUpstream_isRetriedWithGrowingDelays() throws Exception {
    FakeLink link = new FakeLink(true);
    start(link, BridgeConfig.forwardEverything());

    link.refuse();
    time.advance(Duration.ofSeconds(1));
    assertThat(link.connects).hasSize(2);
    link.refuse();
    time.advance(Duration.ofMillis(900));
    assertThat(link.connects).hasSize(2);
    time.advance(Duration.ofMillis(1100));
    assertThat(link.connects).hasSize(3);
  }

  @Test
  void commandFromUpstream_isPublishedLocallyUnderItsLocalTopic_andAcknowledged() throws Exception {
    FakeLink link = new FakeLink(true);
    start(link, List.of(new TopicRule("cmd/#", Direction.IN, Qos.AT_LEAST_ONCE, "", "site-7/")));
    link.accept();
    Recorder app = subscribeLocally("cmd/#");

    boolean acknowledged = link.deliver("site-7/cmd/s1/led", "on", Qos.AT_LEAST_ONCE);

    assertThat(link.subscriptions).containsExactly("site-7/cmd/#");
    assertThat(acknowledged).isTrue();
    assertThat(app.topics()).containsExactly("cmd/s1/led");
  }

  @Test
  void bothRule_commandFromUpstreamIsNotSentBackOut() throws Exception {
    FakeLink link = new FakeLink(false);
    start(link, List.of(new TopicRule("x/#", Direction.BOTH, Qos.AT_LEAST_ONCE, "", "")));
    link.accept();

    link.deliver("x/1", "down", Qos.AT_LEAST_ONCE);

    assertThat(link.published).isEmpty();
  }

  @Test
  void bothRule_ownMessageEchoedByAnMqtt3Upstream_isNotPublishedLocallyAgain() throws Exception {
    FakeLink link = new FakeLink(false);
    start(link, List.of(new TopicRule("x/#", Direction.BOTH, Qos.AT_LEAST_ONCE, "", "")));
    link.accept();
    Recorder app = subscribeLocally("x/#");
    publishLocally("x/1", "up", Qos.AT_LEAST_ONCE);

    link.deliver("x/1", "up", Qos.AT_LEAST_ONCE);

    assertThat(app.topics()).containsExactly("x/1");
  }

  @Test
  void localStatusTopic_isRetainedAndFollowsTheConnection() throws Exception {
    FakeLink link = new FakeLink(true);
    start(link, BridgeConfig.forwardEverything());
    assertThat(retainedStatus()).isEqualTo("disconnected");

    link.accept();
    assertThat(retainedStatus()).isEqualTo("connected");

    link.dropped.accept(new java.io.IOException("gone"));
    assertThat(retainedStatus()).isEqualTo("disconnected");
  }

  @Test
  void events_connectDropAndStop_toldAsTheyHappen() throws Exception {
    FakeLink link = new FakeLink(true);
    Bridge bridge = start(link, BridgeConfig.forwardEverything());
    assertThat(events).isEmpty();

    link.accept();
    link.dropped.accept(new java.io.IOException("gone"));
    time.advance(Duration.ofSeconds(2));
    link.accept();
    bridge.stop();

    assertThat(events).containsExactly("connected cloud", "disconnected cloud", "connected cloud",
        "disconnected cloud");
  }

  // ---- helpers

  private Bridge start(FakeLink link, List<TopicRule> rules) throws Exception {
    BridgeConfig config = new BridgeConfig("cloud", URI.create("mqtt://127.0.0.1:1"), BridgeConfig.MqttVersion.V5,
        "sngw-cloud", Optional.empty(), Optional.empty(), BridgeConfig.TlsConfig.defaults(), Duration.ofSeconds(60),
        false, rules, BridgeConfig.defaultStatusTopic("cloud"), BridgeConfig.OutboxLimits.defaults(),
        Duration.ofSeconds(1), Duration.ofSeconds(30));
    Bridge bridge = new Bridge(config, broker, Runnable::run, time, dropped -> {
      link.dropped = dropped;
      return link;
    }, new GatewayEvents() {
      @Override
      public void upstreamConnected(String bridge) {
        events.add("connected " + bridge);
      }

      @Override
      public void upstreamDisconnected(String bridge) {
        events.add("disconnected " + bridge);
      }
    });
    bridge.start();
    return bridge;
  }

  private void publishLocally(String topic, String payload, Qos qos) {
    broker.publish(null, new Message(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false), outcome -> { });
  }

  private Recorder subscribeLocally(String filter) {
    Recorder recorder = new Recorder();
    ClientHandle app = broker.connect(new ConnectRequest("app", true, Optional.empty(), Duration.ZERO, 32), recorder);
    broker.subscribe(app, List.of(new Subscription(filter, Qos.AT_MOST_ONCE)), granted -> { });
    return recorder;
  }

  private String retainedStatus() {
    Recorder recorder = new Recorder();
    ClientHandle probe = broker.connect(new ConnectRequest("probe", true, Optional.empty(), Duration.ZERO, 32), recorder);
    broker.subscribe(probe, List.of(new Subscription("$SYS/broker/bridge/cloud/state", Qos.AT_MOST_ONCE)), g -> { });
    broker.disconnect(probe, true);
    return new String(recorder.deliveries.get(0).message().payload(), StandardCharsets.UTF_8);
  }

  private static final class Recorder implements SessionSink {
    final List<Delivery> deliveries = new java.util.ArrayList<>();

    List<String> topics() {
      return deliveries.stream().map(d -> d.message().topic()).toList();
    }

    @Override
    public void deliver(Delivery delivery) {
      deliveries.add(delivery);
    }

    @Override
    public void release(int packetId) {}

    @Override
    public void takenOver() {}
  }
}
