package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sngw.auth.AccessConfig;
import org.sngw.broker.BrokerConfig;
import org.sngw.config.GatewayConfig;
import org.sngw.config.ListenAddress;
import org.sngw.config.StoreConfig;
import org.sngw.runtime.StartException;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.Disconnect;
import org.sngw.sn.codec.SnPacket.PubAck;
import org.sngw.sn.codec.SnPacket.PubComp;
import org.sngw.sn.codec.SnPacket.PubRec;
import org.sngw.sn.codec.SnPacket.PubRel;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.RegAck;
import org.sngw.sn.codec.SnPacket.Register;
import org.sngw.sn.codec.SnPacket.SubAck;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;
import org.sngw.sn.gateway.MqttSnConfig;
import org.sngw.transport.udp.UdpSettings;

/**
 * The real gateway on random loopback ports: sensors over real UDP sockets, MQTT clients as
 * Debian's mosquitto_sub and mosquitto_pub.
 */
class GatewayIT {
  private static final int PREDEFINED_ID = 5;

  @TempDir
  Path dataDir;

  private Gateway gateway;
  private SnTestClient sensor;

  @BeforeEach
  void start() throws Exception {
    MqttSnConfig sn = MqttSnConfig.defaults().withPredefinedTopics(Map.of(PREDEFINED_ID, "sensors/predefined"))
        .withQosMinusOne(true);
    gateway = Gateway.start(new GatewayConfig(
        List.of(UdpSettings.on(new ListenAddress("127.0.0.1", 0))), new ListenAddress("127.0.0.1", 0), dataDir,
        StoreConfig.defaults(), sn,
        BrokerConfig.defaults(), Optional.of(new ListenAddress("127.0.0.1", 0)), List.of(), AccessConfig.defaults(), Optional.empty()));
    sensor = new SnTestClient(gateway.snAddress());
  }

  @AfterEach
  void stop() {
    sensor.close();
    gateway.close();
  }

  @ParameterizedTest
  @EnumSource(value = SnQos.class, names = {"AT_MOST_ONCE", "AT_LEAST_ONCE", "EXACTLY_ONCE"})
  void sensorPublish_reachesMqttSubscriber(SnQos qos) {
    try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "sensors/#", 2)) {
      sensor.connect("temp-1", 60);
      int topicId = sensor.register("sensors/temp-1/celsius");
      int msgId = qos == SnQos.AT_MOST_ONCE ? 0 : sensor.nextMsgId();

      sensor.send(new Publish(false, qos, false, new SnTopic.Registered(topicId), msgId, bytes("21.5")));
      switch (qos) {
        case AT_LEAST_ONCE -> assertThat(sensor.receive()).isEqualTo(new PubAck(topicId, msgId, ReturnCode.ACCEPTED));
        case EXACTLY_ONCE -> {
          assertThat(sensor.receive()).isEqualTo(new PubRec(msgId));
          sensor.send(new PubRel(msgId));
          assertThat(sensor.receive()).isEqualTo(new PubComp(msgId));
        }
        default -> { }
      }

      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(sub.messages()).containsExactly("sensors/temp-1/celsius 21.5"));
    }
  }

  @Test
  void mqttPublish_reachesSensorSubscribedByName() {
    sensor.connect("led-1", 60);
    SubAck ack = sensor.subscribe(new SnTopic.Named("cmd/led-1"), SnQos.AT_LEAST_ONCE);

    Mosquitto.publish(gateway.mqttAddress(), "cmd/led-1", "on", 1);

    Publish publish = sensor.receive(Publish.class);
    assertThat(publish.topic()).isEqualTo(new SnTopic.Registered(ack.topicId()));
    assertThat(publish.qos()).isEqualTo(SnQos.AT_LEAST_ONCE);
    assertThat(publish.data()).isEqualTo(bytes("on"));
    sensor.send(new PubAck(ack.topicId(), publish.msgId(), ReturnCode.ACCEPTED));
  }

  @Test
  void mqttPublish_reachesSensorSubscribedByWildcard_afterRegister() {
    sensor.connect("led-2", 60);
    sensor.subscribe(new SnTopic.Named("cmd/+/led"), SnQos.AT_MOST_ONCE);

    Mosquitto.publish(gateway.mqttAddress(), "cmd/kitchen/led", "blink", 0);

    Register register = sensor.receive(Register.class);
    assertThat(register.topicName()).isEqualTo("cmd/kitchen/led");
    sensor.send(new RegAck(register.topicId(), register.msgId(), ReturnCode.ACCEPTED));
    Publish publish = sensor.receive(Publish.class);
    assertThat(publish.topic()).isEqualTo(new SnTopic.Registered(register.topicId()));
    assertThat(publish.data()).isEqualTo(bytes("blink"));
  }

  @Test
  void retainedFromSensor_reachesLaterMqttSubscriber() {
    sensor.connect("cfg-1", 60);
    int topicId = sensor.register("status/cfg-1");
    int msgId = sensor.nextMsgId();
    sensor.send(new Publish(false, SnQos.AT_LEAST_ONCE, true, new SnTopic.Registered(topicId), msgId, bytes("up")));
    sensor.receive(PubAck.class);

    try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "status/#", 1)) {
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(sub.messages()).containsExactly("status/cfg-1 up"));
    }
  }

  @Test
  void retainedFromMqtt_reachesSensorWhenItSubscribes() {
    Mosquitto.publish(gateway.mqttAddress(), "config/s9", "interval=30", 1, "-r");
    sensor.connect("s9", 60);

    sensor.send(new SnPacket.Subscribe(false, SnQos.AT_LEAST_ONCE, 1, new SnTopic.Named("config/s9")));

    SubAck ack = sensor.receive(SubAck.class);
    Publish retained = sensor.receive(Publish.class);
    assertThat(retained.retain()).isTrue();
    assertThat(retained.topic()).isEqualTo(new SnTopic.Registered(ack.topicId()));
    assertThat(retained.data()).isEqualTo(bytes("interval=30"));
  }

  @Test
  void will_isPublishedWhenTheSensorFallsSilentPastItsKeepAlive() {
    try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "wills/#", 0)) {
      sensor.connectWithWill("dying-1", 1, "wills/dying-1", bytes("lost"));

      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(sub.messages()).containsExactly("wills/dying-1 lost"));
    }
  }

  @Test
  void will_isNotPublishedAfterDisconnect() throws Exception {
    try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "wills/#", 0)) {
      sensor.connectWithWill("leaving-1", 1, "wills/leaving-1", bytes("lost"));
      sensor.send(Disconnect.plain());
      assertThat(sensor.receive()).isEqualTo(Disconnect.plain());

      assertThat(sensor.receivesNothingWithin(Duration.ofSeconds(3))).isTrue();
      assertThat(sub.messages()).isEmpty();
    }
  }

  @Test
  void qosMinusOne_predefinedTopic_needsNoConnection() {
    try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "sensors/predefined", 0)) {
      sensor.send(new Publish(false, SnQos.FIRE_AND_FORGET, false, new SnTopic.Predefined(PREDEFINED_ID), 0,
          bytes("7")));

      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(sub.messages()).containsExactly("sensors/predefined 7"));
    }
  }

  @Test
  void garbageDatagrams_doNotHurtTheNextSession() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 100; i++) {
      byte[] garbage = new byte[random.nextInt(1, 200)];
      random.nextBytes(garbage);
      sensor.sendRaw(garbage);
    }

    try (SnTestClient fresh = new SnTestClient(gateway.snAddress());
        Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "after/#", 1)) {
      fresh.connect("after-garbage", 60);
      int topicId = fresh.register("after/garbage");
      int msgId = fresh.nextMsgId();
      fresh.send(new Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(topicId), msgId, bytes("ok")));
      assertThat(fresh.receive()).isEqualTo(new PubAck(topicId, msgId, ReturnCode.ACCEPTED));
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(sub.messages()).containsExactly("after/garbage ok"));
    }
  }

  @Test
  void metrics_countWhatHappened() throws Exception {
    sensor.sendRaw(new byte[] {9, 9, 9});
    sensor.connect("counted-1", 60);

    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + gateway.metricsAddress().getPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.body())
        .contains("sngw_sn_frames_malformed_total 1.0")
        .contains("sngw_sn_malformed_total{reason=\"length_mismatch\"} 1.0")
        .contains("sngw_sn_malformed_total{reason=\"invalid_utf8\"} 0.0")
        .contains("sngw_sn_sessions 1.0")
        .contains("sngw_udp_frames_received_total 2.0")
        .contains("sngw_store_write_failing 0.0");
  }

  @Test
  void storeState_isRetainedUnderSys() {
    try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), Gateway.STORE_STATE_TOPIC, 0)) {
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(sub.messages()).containsExactly(Gateway.STORE_STATE_TOPIC + " ok"));
    }
  }

  @Test
  void searchGw_isAnsweredWithGwInfo() {
    sensor.send(new SnPacket.SearchGw(1));

    assertThat(sensor.receive()).isEqualTo(SnPacket.GwInfo.fromGateway(MqttSnConfig.defaults().gatewayId()));
  }

  @Test
  void secondGatewayOnTheSamePorts_failsWithAClearMessage() {
    GatewayConfig clash = new GatewayConfig(
        List.of(UdpSettings.on(new ListenAddress("127.0.0.1", gateway.snAddress().getPort()))),
        new ListenAddress("127.0.0.1", 0),
        dataDir.resolve("second"), StoreConfig.defaults(), MqttSnConfig.defaults(), BrokerConfig.defaults(),
        Optional.empty(), List.of(), AccessConfig.defaults(), Optional.empty());

    assertThatThrownBy(() -> Gateway.start(clash))
        .isInstanceOf(StartException.class)
        .hasMessageContaining("127.0.0.1:" + gateway.snAddress().getPort());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
