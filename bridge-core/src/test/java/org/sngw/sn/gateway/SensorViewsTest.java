package org.sngw.sn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.BrokerCore;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket.ConnAck;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnPacket.Disconnect;
import org.sngw.sn.codec.SnPacket.PingReq;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.RegAck;
import org.sngw.sn.codec.SnPacket.Register;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;
import org.sngw.store.InMemoryStore;
import org.sngw.time.VirtualTime;
import org.sngw.transport.UdpPeer;

/** What the status page sees of each sensor: its state, when it was last heard, its topics and their last values. */
class SensorViewsTest {
  private final VirtualTime time = new VirtualTime();
  private final FakeTransport transport = new FakeTransport();
  private final SnGateway gateway = new SnGateway(new BrokerCore(BrokerConfig.defaults()), MqttSnConfig.defaults(),
      time, time, new InMemoryStore(), Map.of());

  @BeforeEach
  void start() {
    transport.start(gateway.listenerFor(transport, Runnable::run));
  }

  @Test
  void sensor_showsItsTopicsWithTheirLastValues_andWhenItWasHeard() {
    VirtualSensor sensor = connected(40000, "kitchen", 60);
    int temperature = register(sensor, "sensors/kitchen/t");
    register(sensor, "sensors/kitchen/rh");
    publish(sensor, temperature, "20.5".getBytes(StandardCharsets.UTF_8));
    time.advance(Duration.ofSeconds(3));
    publish(sensor, temperature, "21.0".getBytes(StandardCharsets.UTF_8));
    time.advance(Duration.ofSeconds(2));

    SensorView view = gateway.sensors(10).get(0);

    assertThat(view.clientId()).isEqualTo("kitchen");
    assertThat(view.transport()).isEqualTo("fake");
    assertThat(view.address()).isEqualTo("udp:127.0.0.1:40000");
    assertThat(view.state()).isEqualTo("active");
    assertThat(view.silentFor()).isEqualTo(Duration.ofSeconds(2));
    assertThat(view.topics()).containsExactly(
        new SensorView.TopicValue("sensors/kitchen/t", Optional.of("21.0"), Optional.of(Duration.ofSeconds(2))),
        new SensorView.TopicValue("sensors/kitchen/rh", Optional.empty(), Optional.empty()));
    assertThat(view.topicCount()).isEqualTo(2);
  }

  @Test
  void binaryAndLongValues_showAsHexOrCutShort() {
    VirtualSensor sensor = connected(40000, "bin", 60);
    int raw = register(sensor, "raw");
    int text = register(sensor, "text");
    publish(sensor, raw, new byte[] {0x01, (byte) 0xff});
    publish(sensor, text, "é".repeat(40).getBytes(StandardCharsets.UTF_8));

    SensorView view = gateway.sensors(10).get(0);

    assertThat(view.topics()).extracting(topic -> topic.value().orElseThrow())
        .containsExactly("0x01ff", "é".repeat(32) + "…");
  }

  @Test
  void sleepingSensor_isAsleep_andAwakeWhileItPolls() {
    VirtualSensor sensor = connected(40000, "sleeper", 60);
    sensor.send(new Disconnect(OptionalInt.of(300)));
    assertThat(gateway.sensors(10).get(0).state()).isEqualTo("asleep");

    sensor.send(new PingReq(Optional.of("sleeper")));

    // Nothing was buffered for it, so the PINGRESP sends it back to sleep at once.
    assertThat(gateway.sensors(10).get(0).state()).isEqualTo("asleep");
    assertThat(gateway.sensors(10).get(0).silentFor()).isZero();
  }

  @Test
  void lostSensor_staysListedAsLost_untilItConnectsAgain() {
    VirtualSensor sensor = connected(40000, "flaky", 10);
    publish(sensor, register(sensor, "sensors/flaky/t"), "5".getBytes(StandardCharsets.UTF_8));
    time.advance(Duration.ofSeconds(16));

    assertThat(gateway.sessionCount()).as("the session is gone").isZero();
    SensorView lost = gateway.sensors(10).get(0);
    assertThat(lost.state()).isEqualTo("lost");
    assertThat(lost.silentFor()).isEqualTo(Duration.ofSeconds(16));
    assertThat(lost.topics()).extracting(SensorView.TopicValue::value).containsExactly(Optional.of("5"));

    time.advance(Duration.ofSeconds(4));
    assertThat(gateway.sensors(10).get(0).silentFor()).as("it ages while remembered").isEqualTo(Duration.ofSeconds(20));

    connected(40001, "flaky", 10);
    assertThat(gateway.sensors(10)).singleElement().satisfies(again -> {
      assertThat(again.state()).isEqualTo("active");
      assertThat(again.address()).isEqualTo("udp:127.0.0.1:40001");
    });
  }

  @Test
  void endedSensors_areBounded_andARefusedConnectIsNotRemembered() {
    for (int i = 0; i < EndedSensors.KEPT + 50; i++) {
      VirtualSensor sensor = connected(20000 + i, "s" + i, 60);
      sensor.send(new Disconnect(OptionalInt.empty()));
    }
    new VirtualSensor(transport, udp(30000)).send(new Connect(false, true, 60, ""));

    assertThat(gateway.sensors(Integer.MAX_VALUE)).hasSize(EndedSensors.KEPT)
        .allSatisfy(view -> assertThat(view.state()).isEqualTo("disconnected"))
        .noneMatch(view -> view.clientId().isEmpty());
    assertThat(gateway.sensors(5)).hasSize(5);
  }

  @Test
  void manyTopics_showTheFirstFew_andCountThemAll() {
    VirtualSensor sensor = connected(40000, "busy", 60);
    for (int i = 0; i < LastValues.MAX_TOPICS + 8; i++) {
      publish(sensor, register(sensor, "t/" + i), new byte[] {'x'});
    }

    SensorView view = gateway.sensors(10).get(0);

    assertThat(view.topics()).hasSize(SensorView.MAX_TOPICS);
    assertThat(view.topicCount()).as("registered, though the oldest values were let go").isEqualTo(LastValues.MAX_TOPICS + 8);
  }

  private VirtualSensor connected(int port, String clientId, int keepAlive) {
    VirtualSensor sensor = new VirtualSensor(transport, udp(port));
    sensor.send(new Connect(false, true, keepAlive, clientId));
    assertThat(sensor.receivedOne()).isEqualTo(new ConnAck(ReturnCode.ACCEPTED));
    return sensor;
  }

  private static int register(VirtualSensor sensor, String topic) {
    sensor.send(new Register(0, 1, topic));
    return ((RegAck) sensor.receivedOne()).topicId();
  }

  private static void publish(VirtualSensor sensor, int topicId, byte[] payload) {
    sensor.send(new Publish(false, SnQos.AT_MOST_ONCE, false, new SnTopic.Registered(topicId), 0, payload));
  }

  private static UdpPeer udp(int port) {
    return new UdpPeer(new InetSocketAddress("127.0.0.1", port));
  }
}
