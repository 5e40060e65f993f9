package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.config.GatewayConfig;
import org.sngw.config.TransportPlan;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.SubAck;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;
import org.sngw.sn.gateway.MqttSnConfig;
import org.sngw.sn.gateway.SensorAllowlist;
import org.sngw.transport.WirelessNodeId;
import org.sngw.transport.serial.SerialPortConfig;
import org.sngw.transport.serial.SocatPty;
import org.sngw.transport.serial.framing.Framing;
import org.sngw.transport.serial.framing.Framings;

/** Sensors on a serial line (a socat pty pair), for each framing, end to end with MQTT clients. */
class SerialSensorIT {
  @TempDir
  Path dir;

  private SocatPty pty;
  private Gateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (pty != null) {
      pty.close();
    }
  }

  @Test
  void plainFraming_sensorPublishesAndReceivesACommand() throws Exception {
    SerialSensor sensor = start(Framing.PLAIN);
    try (sensor; Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "sensors/#", 1)) {
      sensor.connect("serial-1");
      sensor.publishQos1("sensors/serial-1/temp", "19.0");
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(sub.messages()).containsExactly("sensors/serial-1/temp 19.0"));

      sensor.send(new SnPacket.Subscribe(false, SnQos.AT_LEAST_ONCE, 9, new SnTopic.Named("cmd/serial-1")));
      SubAck ack = (SubAck) sensor.receivePacket();
      Mosquitto.publish(gateway.mqttAddress(), "cmd/serial-1", "fan-on", 1);
      Publish command = (Publish) sensor.receivePacket();
      assertThat(command.topic()).isEqualTo(new SnTopic.Registered(ack.topicId()));
      assertThat(new String(command.data(), StandardCharsets.UTF_8)).isEqualTo("fan-on");
    }
  }

  @Test
  void cobsWithCrc_sensorPublishesAndReceivesACommand() throws Exception {
    SerialSensor sensor = start(Framing.COBS_CRC);
    try (sensor; Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "sensors/#", 1)) {
      sensor.connect("cobs-1");
      sensor.publishQos1("sensors/cobs-1/humidity", "55");
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(sub.messages()).containsExactly("sensors/cobs-1/humidity 55"));

      sensor.send(new SnPacket.Subscribe(false, SnQos.AT_MOST_ONCE, 9, new SnTopic.Short("cc")));
      assertThat(sensor.receivePacket()).isInstanceOf(SubAck.class);
      Mosquitto.publish(gateway.mqttAddress(), "cc", "dry", 0);
      assertThat(((Publish) sensor.receivePacket()).data()).isEqualTo("dry".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void cobs_forwarderEncapsulatedNode_isAnsweredThroughItsForwarder() throws Exception {
    SerialSensor forwarder = start(Framing.COBS);
    WirelessNodeId node = WirelessNodeId.of(new byte[] {0x0A, 0x0B});
    try (forwarder) {
      forwarder.send(new SnPacket.Encapsulated(0, node, new SnPacket.Connect(false, true, 60, "behind-fwd")));

      assertThat(forwarder.receivePacket())
          .isEqualTo(new SnPacket.Encapsulated(0, node, new SnPacket.ConnAck(ReturnCode.ACCEPTED)));
    }
  }

  @Test
  void xbee_threeRadioNodesOnOnePort_areThreeSessionsAnsweredEachAtItsAddress() throws Exception {
    pty = SocatPty.start(dir);
    gateway = Gateway.start(withPort(SerialPortConfig.of(pty.gateway.toString()).with(115_200, Framing.XBEE)));
    List<byte[]> nodes = List.of(node(1), node(2), node(3));
    try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "radio/#", 1)) {
      for (int i = 0; i < nodes.size(); i++) {
        byte[] address = nodes.get(i);
        try (SerialSensor radio = new SerialSensor(pty.sensor,
            packet -> XBeeCoordinator.receivePacket(address, packet), XBeeCoordinator.transmitRequests())) {
          radio.send(new SnPacket.Connect(false, true, 60, "node-" + i));
          SerialSensor.Received connack = radio.receive();
          assertThat(connack.packet()).isEqualTo(new SnPacket.ConnAck(ReturnCode.ACCEPTED));
          assertThat(connack.node()).contains(WirelessNodeId.of(address));
          radio.publishQos1("radio/node-" + i, "hello " + i);
        }
      }
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sub.messages())
          .containsExactlyInAnyOrder("radio/node-0 hello 0", "radio/node-1 hello 1", "radio/node-2 hello 2"));
    }
    assertThat(gateway.snGateway().sessionCount()).isEqualTo(3);
  }

  @Test
  void xbee_allowlistBindsAClientIdToItsRadioNode() throws Exception {
    pty = SocatPty.start(dir);
    String listed = "serial:" + pty.gateway + "/" + HexFormat.of().formatHex(node(1));
    MqttSnConfig sn = MqttSnConfig.defaults().withAllowlist(
        new SensorAllowlist(List.of(new SensorAllowlist.Entry("node-1", Optional.of(listed))), false));
    GatewayConfig loopback = LoopbackConfig.with(dir.resolve("data"), sn);
    List<TransportPlan> transports = new ArrayList<>(loopback.transports());
    transports.add(SerialPortConfig.of(pty.gateway.toString()).with(115_200, Framing.XBEE));
    gateway = Gateway.start(loopback.withTransports(transports));

    assertThat(connectThroughRadio(node(1), "node-1")).isEqualTo(ReturnCode.ACCEPTED);
    assertThat(connectThroughRadio(node(2), "node-1")).as("its id from another radio")
        .isEqualTo(ReturnCode.REJECTED_NOT_SUPPORTED);
    assertThat(connectThroughRadio(node(3), "node-3")).as("unlisted").isEqualTo(ReturnCode.REJECTED_NOT_SUPPORTED);
    assertThat(gateway.snGateway().sessionCount()).isEqualTo(1);
  }

  private ReturnCode connectThroughRadio(byte[] address, String clientId) {
    try (SerialSensor radio = new SerialSensor(pty.sensor,
        packet -> XBeeCoordinator.receivePacket(address, packet), XBeeCoordinator.transmitRequests())) {
      radio.send(new SnPacket.Connect(false, true, 60, clientId));
      return ((SnPacket.ConnAck) radio.receive().packet()).returnCode();
    }
  }

  @Test
  void unpluggedAdapter_losesTheSessionWithItsWill_andTheSensorReconnectsWhenItIsBack() throws Exception {
    pty = SocatPty.start(dir);
    gateway = Gateway.start(withPort(SerialPortConfig.of(pty.gateway.toString())));
    try (Mosquitto.Sub wills = Mosquitto.subscribe(gateway.mqttAddress(), "wills/#", 0)) {
      try (SerialSensor sensor = plainSensor()) {
        sensor.send(new SnPacket.Connect(true, true, 600, "usb-1"));
        assertThat(sensor.receivePacket()).isEqualTo(new SnPacket.WillTopicReq());
        sensor.send(new SnPacket.WillTopic(SnQos.AT_MOST_ONCE, false, "wills/usb-1"));
        assertThat(sensor.receivePacket()).isEqualTo(new SnPacket.WillMsgReq());
        sensor.send(new SnPacket.WillMsg("unplugged".getBytes(StandardCharsets.UTF_8)));
        assertThat(sensor.receivePacket()).isEqualTo(new SnPacket.ConnAck(ReturnCode.ACCEPTED));
      }

      pty.close();
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(wills.messages()).containsExactly("wills/usb-1 unplugged"));

      pty = SocatPty.start(dir);
      try (SerialSensor sensor = plainSensor()) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
          sensor.send(new SnPacket.SearchGw(0));
          assertThat(sensor.receivePacket()).isInstanceOf(SnPacket.GwInfo.class);
        });
        sensor.connect("usb-1");
      }
    }
  }

  private SerialSensor start(Framing framing) throws Exception {
    pty = SocatPty.start(dir);
    gateway = Gateway.start(withPort(SerialPortConfig.of(pty.gateway.toString()).with(115_200, framing)));
    return new SerialSensor(pty.sensor, packet -> Framings.writer(framing).write(Optional.empty(), packet),
        Framings.reader(framing, 2048));
  }

  private SerialSensor plainSensor() {
    return new SerialSensor(pty.sensor, packet -> packet, Framings.reader(Framing.PLAIN, 2048));
  }

  private GatewayConfig withPort(SerialPortConfig port) {
    GatewayConfig loopback = LoopbackConfig.with(dir.resolve("data"));
    List<TransportPlan> transports = new ArrayList<>(loopback.transports());
    transports.add(port);
    return loopback.withTransports(transports);
  }

  private static byte[] node(int n) {
    return new byte[] {0x00, 0x13, (byte) 0xA2, 0x00, 0x41, 0x52, 0x00, (byte) n};
  }
}
