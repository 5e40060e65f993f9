package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.Disconnect;
import org.sngw.sn.codec.SnPacket.PubAck;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.SubAck;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;

/** Battery sensors over real UDP: sleeping and waking, and updating their wills. */
class SleepingSensorIT {
  @TempDir
  Path dataDir;

  private Gateway gateway;
  private SnTestClient sensor;

  @BeforeEach
  void start() throws Exception {
    gateway = Gateway.start(LoopbackConfig.with(dataDir));
    sensor = new SnTestClient(gateway.snAddress());
  }

  @AfterEach
  void stop() {
    sensor.close();
    gateway.close();
  }

  @Test
  void commandSentWhileTheSensorSleeps_isDeliveredWhenItWakes() throws Exception {
    sensor.connect("sleepy-1", 60);
    SubAck ack = sensor.subscribe(new SnTopic.Named("cmd/sleepy-1"), SnQos.AT_LEAST_ONCE);
    sensor.send(new Disconnect(OptionalInt.of(30)));
    assertThat(sensor.receive()).isEqualTo(Disconnect.plain());

    Mosquitto.publish(gateway.mqttAddress(), "cmd/sleepy-1", "calibrate", 1);
    assertThat(sensor.receivesNothingWithin(Duration.ofMillis(500))).isTrue();

    sensor.send(new SnPacket.PingReq(Optional.of("sleepy-1")));
    Publish command = sensor.receive(Publish.class);
    assertThat(command.topic()).isEqualTo(new SnTopic.Registered(ack.topicId()));
    assertThat(new String(command.data(), StandardCharsets.UTF_8)).isEqualTo("calibrate");
    sensor.send(new PubAck(ack.topicId(), command.msgId(), ReturnCode.ACCEPTED));
    assertThat(sensor.receive()).isEqualTo(new SnPacket.PingResp());
  }

  @Test
  void updatedWill_isTheOnePublishedWhenTheSensorFallsSilent() {
    try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "wills/#", 1)) {
      sensor.connectWithWill("moody-1", 1, "wills/old", "old".getBytes(StandardCharsets.UTF_8));
      sensor.send(new SnPacket.WillTopicUpd(SnQos.AT_LEAST_ONCE, false, "wills/moody-1"));
      assertThat(sensor.receive()).isEqualTo(new SnPacket.WillTopicResp(ReturnCode.ACCEPTED));
      sensor.send(new SnPacket.WillMsgUpd("battery empty".getBytes(StandardCharsets.UTF_8)));
      assertThat(sensor.receive()).isEqualTo(new SnPacket.WillMsgResp(ReturnCode.ACCEPTED));

      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(sub.messages()).containsExactly("wills/moody-1 battery empty"));
    }
  }
}
