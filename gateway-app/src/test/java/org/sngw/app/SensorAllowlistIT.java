package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.config.ConfigFile;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket.ConnAck;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;

/**
 * The sensor allowlist and the sensors' topics, from the config file, against MQTT-SN clients over
 * real UDP sockets.
 */
class SensorAllowlistIT {
  @TempDir Path dir;
  private Gateway gateway;

  @BeforeEach
  void start() throws Exception {
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        udp: 127.0.0.1:0
        mqtt: 127.0.0.1:0
        data-dir: %s
        mqtt-sn:
          allowlist:
            - client-id: "lab-*"
              address: udp:127.0.0.0/8
            - client-id: "roof-*"
              address: udp:192.168.7.0/24
          sensor-topics: sensors/%%c/#, cmd/%%c/#
        """.formatted(dir.resolve("data")));
    gateway = Gateway.start(ConfigFile.load(config));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void listedSensor_connects_andAnUnlistedOrMisplacedOneIsRefused() {
    try (SnTestClient lab = new SnTestClient(gateway.snAddress());
        SnTestClient stranger = new SnTestClient(gateway.snAddress());
        SnTestClient misplaced = new SnTestClient(gateway.snAddress())) {
      lab.connect("lab-1", 60);

      stranger.send(new Connect(false, true, 60, "garage-1"));
      misplaced.send(new Connect(false, true, 60, "roof-1"));

      assertThat(stranger.receive()).isEqualTo(new ConnAck(ReturnCode.REJECTED_NOT_SUPPORTED));
      assertThat(misplaced.receive()).as("listed, but not from 192.168.7.0/24")
          .isEqualTo(new ConnAck(ReturnCode.REJECTED_NOT_SUPPORTED));
      assertThat(gateway.snGateway().sessionCount()).isEqualTo(1);
      assertThat(gateway.snGateway().stats().unlistedRefused()).isEqualTo(2);
    }
  }

  @Test
  void sensor_publishesAndSubscribesUnderItsOwnTopicsOnly() {
    try (SnTestClient lab = new SnTestClient(gateway.snAddress())) {
      lab.connect("lab-1", 60);

      assertThat(lab.registerAndPublish("sensors/lab-1/temp", bytes("21"))).isEqualTo(ReturnCode.ACCEPTED);
      assertThat(lab.registerAndPublish("actuators/valve/set", bytes("OPEN")))
          .isEqualTo(ReturnCode.REJECTED_NOT_SUPPORTED);
      assertThat(lab.registerAndPublish("sensors/lab-2/temp", bytes("forged")))
          .isEqualTo(ReturnCode.REJECTED_NOT_SUPPORTED);
      assertThat(lab.trySubscribe(new SnTopic.Named("cmd/lab-1/#"), SnQos.AT_LEAST_ONCE)).isEqualTo(ReturnCode.ACCEPTED);
      assertThat(lab.trySubscribe(new SnTopic.Named("cmd/#"), SnQos.AT_LEAST_ONCE)).isNotEqualTo(ReturnCode.ACCEPTED);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
