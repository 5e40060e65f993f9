package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.config.TopicRule.Direction;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket.PubAck;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.RegAck;
import org.sngw.sn.codec.SnPacket.Register;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;

/**
 * The gateway in-process with one bridge to a real Mosquitto: sensor data goes up under the site's
 * prefix, commands come down to sensors, a two-way topic does not loop, and the status topic
 * tells the upstream whether the gateway is there.
 */
class UpstreamBridgeIT {
  private static final Duration DELIVERY = Duration.ofSeconds(15);

  @TempDir
  Path dir;

  private MosquittoBroker upstream;
  private Gateway gateway;

  @BeforeEach
  void start() throws Exception {
    upstream = MosquittoBroker.start(dir.resolve("mosquitto"), MosquittoBroker.Options.plain());
    gateway = Gateway.start(TestBridges.gateway(dir.resolve("gateway"), TestBridges.bridge(upstream.uri(), List.of(
        TestBridges.rule("sensors/#", Direction.OUT, "site-7/"),
        TestBridges.rule("cmd/#", Direction.IN, "site-7/"),
        TestBridges.rule("loop/#", Direction.BOTH, "site-7/")))));
  }

  @AfterEach
  void stop() {
    gateway.close();
    upstream.close();
  }

  @Test
  void sensorPublishes_reachUpstreamUnderTheRemotePrefix_inOrder_andNothingElseGoesUp() {
    try (Mosquitto.Sub app = Mosquitto.subscribe(upstream.address(), "site-7/#", 1, "-t", "private/#");
        SnTestClient sensor = new SnTestClient(gateway.snAddress())) {
      sensor.connect("temp-1", 60);
      int privateId = sensor.register("private/temp-1/calibration");
      int topicId = sensor.register("sensors/temp-1/celsius");

      sensor.publishQos1(privateId, bytes("0.3"));
      sensor.publishQos1(topicId, bytes("21.5"));
      sensor.publishQos1(topicId, bytes("21.7"));

      await().atMost(DELIVERY).untilAsserted(() -> assertThat(app.messages())
          .containsExactly("site-7/sensors/temp-1/celsius 21.5", "site-7/sensors/temp-1/celsius 21.7"));
    }
  }

  @Test
  void upstreamCommand_reachesTheSensorSubscribedToItsCommands() {
    try (SnTestClient sensor = new SnTestClient(gateway.snAddress())) {
      sensor.connect("led-1", 60);
      sensor.subscribe(new SnTopic.Named("cmd/led-1/#"), SnQos.AT_LEAST_ONCE);
      awaitInboundLive("cmd/probe");

      Mosquitto.publish(upstream.address(), "site-7/cmd/led-1/power", "on", 1);

      Register register = sensor.receive(Register.class);
      assertThat(register.topicName()).isEqualTo("cmd/led-1/power");
      sensor.send(new RegAck(register.topicId(), register.msgId(), ReturnCode.ACCEPTED));
      Publish command = sensor.receive(Publish.class);
      assertThat(command.topic()).isEqualTo(new SnTopic.Registered(register.topicId()));
      assertThat(command.data()).isEqualTo(bytes("on"));
      sensor.send(new PubAck(register.topicId(), command.msgId(), ReturnCode.ACCEPTED));
    }
  }

  /**
   * Each side sees each message exactly once. The proof of "no echo" rides on order: an echo of
   * {@code a} would come back down before {@code b}, which went up after {@code a} had; an echo
   * of {@code b} would go back up before {@code c}, published locally after {@code b} arrived.
   */
  @Test
  void twoWayTopic_crossesOnceEachWay_andNeverComesBack() {
    try (Mosquitto.Sub remote = Mosquitto.subscribe(upstream.address(), "site-7/loop/#", 1);
        Mosquitto.Sub local = Mosquitto.subscribe(gateway.mqttAddress(), "loop/#", 1)) {
      awaitInboundLive("loop/probe");

      Mosquitto.publish(gateway.mqttAddress(), "loop/a", "from-local", 1);
      await("a went up").atMost(DELIVERY).until(() -> withoutProbes(remote).contains("site-7/loop/a from-local"));
      Mosquitto.publish(upstream.address(), "site-7/loop/b", "from-upstream", 1);
      await("b came down").atMost(DELIVERY).until(() -> withoutProbes(local).contains("loop/b from-upstream"));
      Mosquitto.publish(gateway.mqttAddress(), "loop/c", "marker", 1);
      await("c went up").atMost(DELIVERY).until(() -> withoutProbes(remote).contains("site-7/loop/c marker")
          && withoutProbes(local).contains("loop/c marker"));

      assertThat(withoutProbes(remote))
          .containsExactly("site-7/loop/a from-local", "site-7/loop/b from-upstream", "site-7/loop/c marker");
      assertThat(withoutProbes(local)).containsExactly("loop/a from-local", "loop/b from-upstream", "loop/c marker");
    }
  }

  @Test
  void statusTopic_saysConnected_upstreamAndLocally_thenDisconnectedAfterAStop() {
    try (Mosquitto.Sub remote = Mosquitto.subscribe(upstream.address(), TestBridges.STATUS_TOPIC, 1)) {
      await().atMost(DELIVERY).untilAsserted(() -> assertThat(remote.messages()).last()
          .isEqualTo(TestBridges.STATUS_TOPIC + " connected"));
      try (Mosquitto.Sub local = Mosquitto.subscribe(gateway.mqttAddress(), TestBridges.STATUS_TOPIC, 1)) {
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(local.messages())
            .containsExactly(TestBridges.STATUS_TOPIC + " connected"));
      }

      gateway.close();

      await().atMost(DELIVERY).untilAsserted(() -> assertThat(remote.messages()).last()
          .isEqualTo(TestBridges.STATUS_TOPIC + " disconnected"));
    }
    try (Mosquitto.Sub late = Mosquitto.subscribe(upstream.address(), TestBridges.STATUS_TOPIC, 1)) {
      await().atMost(DELIVERY).untilAsserted(() -> assertThat(late.messages())
          .as("the retained status").containsExactly(TestBridges.STATUS_TOPIC + " disconnected"));
    }
  }

  /**
   * Publishes probes upstream under {@code site-7/} until one comes down as {@code localTopic}:
   * from then on the bridge's upstream subscription is live, so a single publish is not lost.
   */
  private void awaitInboundLive(String localTopic) {
    try (Mosquitto.Sub probes = Mosquitto.subscribe(gateway.mqttAddress(), localTopic, 1)) {
      await().atMost(DELIVERY).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
        Mosquitto.publish(upstream.address(), "site-7/" + localTopic, "probe", 1);
        assertThat(probes.messages()).isNotEmpty();
      });
    }
  }

  private static List<String> withoutProbes(Mosquitto.Sub sub) {
    return sub.messages().stream().filter(line -> !line.endsWith("/probe probe")).toList();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
