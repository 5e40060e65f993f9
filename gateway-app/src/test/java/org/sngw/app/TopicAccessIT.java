package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.config.ConfigFile;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.Disconnect;
import org.sngw.sn.codec.SnPacket.PubAck;
import org.sngw.sn.codec.SnPacket.SubAck;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;

/**
 * An ACL file in Mosquitto's syntax, for MQTT users (Debian's mosquitto_pub/_sub with -u/-P) and
 * MQTT-SN sensors over UDP (by client id, through pattern lines).
 */
class TopicAccessIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private Gateway gateway;

  @BeforeEach
  void start() throws Exception {
    Path passwd = dir.resolve("passwd");
    Commands.run(List.of("mosquitto_passwd", "-b", "-c", passwd.toString(), "alice", "s3cret"),
        "apt-get install mosquitto");
    Path acl = Files.writeString(dir.resolve("acl"), """
        # MQTT-SN sensors have no username: patterns give each its own topics
        pattern write sensors/%c/#
        pattern read cmd/%c/#
        user alice
        topic read sensors/#
        topic deny sensors/s2/#
        topic write cmd/#
        """);
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        udp: 127.0.0.1:0
        mqtt: 127.0.0.1:0
        data-dir: %s
        password-file: %s
        acl-file: %s
        mqtt-sn:
          allowlist:
            - client-id: "s*"
            - client-id: "bench-*"
              mqtt-users: alice
        """.formatted(dir.resolve("data"), passwd, acl));
    gateway = Gateway.start(ConfigFile.load(config));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void sensorsPublishUnderTheirOwnId_andAliceReadsWhatSheMay() throws Exception {
    try (Mosquitto.Sub alice = Mosquitto.subscribe(gateway.mqttAddress(), "sensors/#", 1, "-u", "alice", "-P", "s3cret");
        SnTestClient s1 = new SnTestClient(gateway.snAddress());
        SnTestClient s2 = new SnTestClient(gateway.snAddress())) {
      s1.connect("s1", 60);
      s2.connect("s2", 60);

      s1.publishQos1(s1.register("sensors/s1/temp"), bytes("21.5"));
      assertThat(s1.registerAndPublish("sensors/s2/temp", bytes("forged"))).as("another sensor's topic")
          .isEqualTo(ReturnCode.REJECTED_NOT_SUPPORTED);
      s2.publishQos1(s2.register("sensors/s2/temp"), bytes("19.0"));

      await().atMost(WAIT).until(() -> alice.messages().contains("sensors/s1/temp 21.5"));
      assertThat(alice.messages()).as("sensors/s2 is denied to alice").containsExactly("sensors/s1/temp 21.5");
    }
  }

  @Test
  void commandsReachOnlyTheirSensor_andASensorCannotSubscribeToAnothersCommands() throws Exception {
    try (SnTestClient s1 = new SnTestClient(gateway.snAddress())) {
      s1.connect("s1", 60);
      s1.subscribe(new SnTopic.Named("cmd/s1/#"), SnQos.AT_LEAST_ONCE);
      assertThat(s1.trySubscribe(new SnTopic.Named("cmd/s2/#"), SnQos.AT_LEAST_ONCE)).isNotEqualTo(ReturnCode.ACCEPTED);

      Mosquitto.publish(gateway.mqttAddress(), "cmd/s1/reboot", "now", 1, "-u", "alice", "-P", "s3cret");

      assertThat(receiveCommand(s1)).isEqualTo("now");
    }
  }

  @Test
  void aliceWritingWhereSheMayOnlyRead_isAcknowledgedButDropped() throws Exception {
    try (SnTestClient s1 = new SnTestClient(gateway.snAddress())) {
      s1.connect("s1", 60);
      s1.subscribe(new SnTopic.Named("cmd/s1/#"), SnQos.AT_LEAST_ONCE);
      try (Mosquitto.Sub alice = Mosquitto.subscribe(gateway.mqttAddress(), "sensors/#", 1, "-u", "alice",
          "-P", "s3cret")) {
        Mosquitto.publish(gateway.mqttAddress(), "sensors/s1/temp", "forged", 1, "-u", "alice", "-P", "s3cret");
        Mosquitto.publish(gateway.mqttAddress(), "cmd/s1/marker", "after", 1, "-u", "alice", "-P", "s3cret");

        assertThat(receiveCommand(s1)).isEqualTo("after");
        assertThat(alice.messages()).isEmpty();
      }
    }
  }

  @Test
  void aTcpClientWithASensorsClientId_cannotTakeItsSession() throws Exception {
    try (SnTestClient s1 = new SnTestClient(gateway.snAddress())) {
      s1.connect("s1", 60);
      s1.subscribe(new SnTopic.Named("cmd/s1/#"), SnQos.AT_LEAST_ONCE);

      assertThat(Mosquitto.publishExitCode(gateway.mqttAddress(), "cmd/s1/x", "x", 1, "-i", "s1",
          "-u", "alice", "-P", "s3cret")).as("CONNACK 5 for the stranger").isNotZero();

      Mosquitto.publish(gateway.mqttAddress(), "cmd/s1/reboot", "still-mine", 1, "-u", "alice", "-P", "s3cret");
      assertThat(receiveCommand(s1)).isEqualTo("still-mine");
    }
  }

  @Test
  void aSensorsSession_passesToTheUserItsAllowlistEntryNames_andBack() throws Exception {
    try (SnTestClient sensor = new SnTestClient(gateway.snAddress())) {
      sensor.connect("bench-1", 60);

      assertThat(Mosquitto.publishExitCode(gateway.mqttAddress(), "sensors/bench-1/t", "x", 1, "-i", "bench-1",
          "-u", "alice", "-P", "s3cret")).as("alice may hold bench-1's session").isZero();
      assertThat(sensor.receive()).as("the sensor's connection was taken over").isEqualTo(Disconnect.plain());
      sensor.connect("bench-1", 60);
    }
  }

  /** The payload of the next command to a sensor subscribed by wildcard: the gateway REGISTERs its topic first. */
  private static String receiveCommand(SnTestClient sensor) {
    SnPacket.Register register = sensor.receive(SnPacket.Register.class);
    sensor.send(new SnPacket.RegAck(register.topicId(), register.msgId(), ReturnCode.ACCEPTED));
    SnPacket.Publish command = sensor.receive(SnPacket.Publish.class);
    sensor.send(new PubAck(command.topic() instanceof SnTopic.Registered id ? id.id() : 0, command.msgId(),
        ReturnCode.ACCEPTED));
    return new String(command.data(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
