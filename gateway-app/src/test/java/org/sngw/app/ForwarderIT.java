package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.ConnAck;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnPacket.Disconnect;
import org.sngw.sn.codec.SnPacket.Encapsulated;
import org.sngw.sn.codec.SnPacket.PubAck;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.RegAck;
import org.sngw.sn.codec.SnPacket.Register;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;
import org.sngw.sn.gateway.MqttSnConfig;
import org.sngw.transport.WirelessNodeId;

/**
 * Sensors behind an MQTT-SN forwarder, over real UDP: one socket on 127.0.0.1 plays the forwarder
 * and wraps each sensor's frames in ENCAPSULATED with the sensor's wireless node id.
 */
class ForwarderIT {
  private static final WirelessNodeId NODE_A = WirelessNodeId.of(new byte[] {0x00, 0x13, (byte) 0xA2, 0x01});
  private static final WirelessNodeId NODE_B = WirelessNodeId.of(new byte[] {0x00, 0x13, (byte) 0xA2, 0x02});
  private static final int GATEWAY_ID = 3;

  @TempDir
  Path dataDir;

  private Gateway gateway;
  private SnTestClient forwarder;

  @BeforeEach
  void start() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dataDir, MqttSnConfig.defaults().withGatewayId(GATEWAY_ID)));
    forwarder = new SnTestClient(gateway.snAddress());
  }

  @AfterEach
  void stop() {
    forwarder.close();
    gateway.close();
  }

  @Test
  void forwardedSensor_connectRegisterPublishQos1_repliesComeBackEncapsulatedAndReachMqtt() {
    try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "sensors/#", 1)) {
      assertThat(exchange(NODE_A, new Connect(false, true, 60, "node-a"))).isEqualTo(new ConnAck(ReturnCode.ACCEPTED));
      RegAck regAck = exchange(NODE_A, new Register(0, 1, "sensors/node-a/lux"), RegAck.class);
      assertThat(regAck.returnCode()).isEqualTo(ReturnCode.ACCEPTED);

      SnPacket ack = exchange(NODE_A, publishQos1(regAck.topicId(), 2, "310"));

      assertThat(ack).isEqualTo(new PubAck(regAck.topicId(), 2, ReturnCode.ACCEPTED));
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(sub.messages()).containsExactly("sensors/node-a/lux 310"));
    }
  }

  @Test
  void twoNodesBehindOneForwarder_areSeparateSessions() {
    assertThat(exchange(NODE_A, new Connect(false, true, 60, "node-a"))).isEqualTo(new ConnAck(ReturnCode.ACCEPTED));

    // Node B shares the forwarder's address but not node A's session.
    assertThat(exchange(NODE_B, new Register(0, 1, "sensors/node-b/lux"))).isEqualTo(Disconnect.plain());

    assertThat(exchange(NODE_B, new Connect(false, true, 60, "node-b"))).isEqualTo(new ConnAck(ReturnCode.ACCEPTED));
    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.snGateway().sessionCount() == 2);
    assertThat(exchange(NODE_A, Disconnect.plain())).isEqualTo(Disconnect.plain());
    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.snGateway().sessionCount() == 1);
    try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "sensors/#", 1)) {
      RegAck regAck = exchange(NODE_B, new Register(0, 2, "sensors/node-b/lux"), RegAck.class);
      assertThat(exchange(NODE_B, publishQos1(regAck.topicId(), 3, "12")))
          .isEqualTo(new PubAck(regAck.topicId(), 3, ReturnCode.ACCEPTED));

      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(sub.messages()).containsExactly("sensors/node-b/lux 12"));
    }
  }

  @Test
  void searchGwThroughForwarder_isAnsweredEncapsulatedForTheNode() {
    assertThat(exchange(NODE_B, new SnPacket.SearchGw(1))).isEqualTo(SnPacket.GwInfo.fromGateway(GATEWAY_ID));
  }

  /** Sends one packet as the forwarder would for {@code node}; the reply must come back to that node. */
  private SnPacket exchange(WirelessNodeId node, SnPacket packet) {
    forwarder.send(new Encapsulated(0, node, packet));
    Encapsulated reply = forwarder.receive(Encapsulated.class);
    assertThat(reply.node()).as("the node the reply is for").isEqualTo(node);
    return reply.inner();
  }

  private <T extends SnPacket> T exchange(WirelessNodeId node, SnPacket packet, Class<T> replyType) {
    SnPacket reply = exchange(node, packet);
    assertThat(reply).isInstanceOf(replyType);
    return replyType.cast(reply);
  }

  private static Publish publishQos1(int topicId, int msgId, String data) {
    return new Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(topicId), msgId,
        data.getBytes(StandardCharsets.UTF_8));
  }
}
