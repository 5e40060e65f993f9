package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket.Disconnect;
import org.sngw.sn.codec.SnPacket.PubAck;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.SubAck;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;

/**
 * Retained messages, persistent subscriptions with their queued messages, and an MQTT-SN sensor's
 * topic ids, subscriptions and owner (no TCP client takes its session) survive a clean restart and
 * a kill -9 alike.
 */
class RestartIT {
  @TempDir
  Path dataDir;

  @ParameterizedTest(name = "killed={0}")
  @ValueSource(booleans = {false, true})
  void state_survivesARestart(boolean killed) {
    int udpPort = GatewayProcess.freeUdpPort();
    int mqttPort = GatewayProcess.freeTcpPort();
    String[] args = {"--udp", "127.0.0.1:" + udpPort, "--mqtt", "127.0.0.1:" + mqttPort, "--data-dir", dataDir.toString()};
    InetSocketAddress udp = new InetSocketAddress("127.0.0.1", udpPort);
    InetSocketAddress mqtt = new InetSocketAddress("127.0.0.1", mqttPort);
    int dataTopicId;
    int commandTopicId;
    try (GatewayProcess gateway = GatewayProcess.start(args)) {
      Mosquitto.publish(mqtt, "retained/config", "interval=60", 1, "-r");
      Mosquitto.subscribe(mqtt, "queued/#", 1, "-c", "-i", "offline-app").close();
      Mosquitto.publish(mqtt, "queued/alarm", "smoke", 1);
      try (SnTestClient sensor = new SnTestClient(udp)) {
        sensor.connect("sensor-p", 60, false);
        dataTopicId = sensor.register("sensors/sensor-p/data");
        SubAck ack = sensor.subscribe(new SnTopic.Named("cmd/sensor-p"), SnQos.AT_LEAST_ONCE);
        commandTopicId = ack.topicId();
        sensor.send(Disconnect.plain());
        assertThat(sensor.receive()).isEqualTo(Disconnect.plain());
      }
      if (killed) {
        gateway.kill();
      } else {
        assertThat(gateway.stop()).isNotEqualTo(137);
      }
    }

    try (GatewayProcess gateway = GatewayProcess.start(args)) {
      try (Mosquitto.Sub late = Mosquitto.subscribe(mqtt, "retained/#", 1)) {
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(late.messages()).containsExactly("retained/config interval=60"));
      }
      assertThat(Mosquitto.publishExitCode(mqtt, "cmd/sensor-p", "x", 1, "-i", "sensor-p"))
          .as("the sensor's session, restored, is still the sensor's: CONNACK 5 for a TCP client").isNotZero();
      try (Mosquitto.Sub back = Mosquitto.subscribe(mqtt, "queued/#", 1, "-c", "-i", "offline-app")) {
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(back.messages()).containsExactly("queued/alarm smoke"));
      }
      try (SnTestClient sensor = new SnTestClient(udp)) {
        sensor.connect("sensor-p", 60, false);
        int msgId = sensor.nextMsgId();
        sensor.send(new Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(dataTopicId), msgId,
            "42".getBytes(StandardCharsets.UTF_8)));
        assertThat(sensor.receive()).isEqualTo(new PubAck(dataTopicId, msgId, ReturnCode.ACCEPTED));

        Mosquitto.publish(mqtt, "cmd/sensor-p", "reboot", 1);
        Publish command = sensor.receive(Publish.class);
        assertThat(command.topic()).isEqualTo(new SnTopic.Registered(commandTopicId));
        assertThat(new String(command.data(), StandardCharsets.UTF_8)).isEqualTo("reboot");
      }
    }
  }
}
