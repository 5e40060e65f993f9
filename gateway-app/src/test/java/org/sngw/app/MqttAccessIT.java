package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.app.cli.ParseOutcome;
import org.sngw.app.cli.PasswdCommand;
import org.sngw.config.ConfigFile;

/**
 * The MQTT listener's doors, tried with Debian's clients: a password file written by
 * mosquitto_passwd, and the client ids that are the gateway's own.
 */
class MqttAccessIT {
  @TempDir Path dir;
  private Gateway gateway;
  private Path passwd;

  @BeforeEach
  void start() throws Exception {
    passwd = dir.resolve("passwd");
    mosquittoPasswd(passwd, "alice", "s3cret");
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        udp: 127.0.0.1:0
        mqtt: 127.0.0.1:0
        data-dir: %s
        password-file: %s
        """.formatted(dir.resolve("data"), passwd));
    gateway = Gateway.start(ConfigFile.load(config));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void passwordFileOfMosquittoPasswd_letsItsUserIn() {
    try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "lab/#", 1, "-u", "alice", "-P", "s3cret")) {
      Mosquitto.publish(gateway.mqttAddress(), "lab/t", "21.5", 1, "-u", "alice", "-P", "s3cret");

      await().atMost(Duration.ofSeconds(10)).until(() -> sub.messages().contains("lab/t 21.5"));
    }
  }

  @Test
  void wrongPasswordUnknownUserAndAnonymous_areRefused() {
    assertThat(Mosquitto.publishExitCode(gateway.mqttAddress(), "lab/t", "x", 1, "-u", "alice", "-P", "guess"))
        .as("wrong password").isNotZero();
    assertThat(Mosquitto.publishExitCode(gateway.mqttAddress(), "lab/t", "x", 1, "-u", "mallory", "-P", "s3cret"))
        .as("unknown user").isNotZero();
    assertThat(Mosquitto.publishExitCode(gateway.mqttAddress(), "lab/t", "x", 1))
        .as("anonymous, with a password file").isNotZero();
  }

  @Test
  void clientIdOfTheBridgeOutbox_isRefusedEvenWithAPassword() {
    assertThat(Mosquitto.publishExitCode(gateway.mqttAddress(), "zzz", "x", 1,
        "-i", "$bridge/upstream-1", "-u", "alice", "-P", "s3cret")).isNotZero();
  }

  @Test
  void withoutAnAclFile_nobodyForgesTheGatewaysDollarTopics() {
    Mosquitto.publish(gateway.mqttAddress(), "$SYS/broker/bridge/cloud/state", "connected", 1, "-r",
        "-u", "alice", "-P", "s3cret");
    Mosquitto.publish(gateway.mqttAddress(), "lab/marker", "retained", 1, "-r", "-u", "alice", "-P", "s3cret");

    try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "$SYS/broker/bridge/#", 1,
        "-u", "alice", "-P", "s3cret");
        Mosquitto.Sub marker = Mosquitto.subscribe(gateway.mqttAddress(), "lab/marker", 1,
            "-u", "alice", "-P", "s3cret")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> marker.messages().contains("lab/marker retained"));
      assertThat(sub.messages()).as("no forged retained bridge state").isEmpty();
    }
  }

  @Test
  void userAddedWithPasswd_isLetInAfterAReload_andMosquittoReadsTheFileToo() throws Exception {
    ParseOutcome.Passwd addBob = new ParseOutcome.Passwd(passwd, "bob", false, true);
    assertThat(PasswdCommand.run(addBob, new ByteArrayInputStream("b0b\n".getBytes(StandardCharsets.UTF_8)), null)
        .exitStatus()).isZero();

    assertThat(Mosquitto.publishExitCode(gateway.mqttAddress(), "lab/t", "x", 1, "-u", "bob", "-P", "b0b"))
        .as("before the reload").isNotZero();
    gateway.reloadAccess();
    Mosquitto.publish(gateway.mqttAddress(), "lab/t", "x", 1, "-u", "bob", "-P", "b0b");
    Mosquitto.publish(gateway.mqttAddress(), "lab/t", "x", 1, "-u", "alice", "-P", "s3cret");

    try (MosquittoBroker mosquitto = MosquittoBroker.start(dir.resolve("mosquitto"),
        MosquittoBroker.Options.plain().withPasswordFile(passwd))) {
      Mosquitto.publish(mosquitto.address(), "lab/t", "x", 1, "-u", "bob", "-P", "b0b");
      assertThat(Mosquitto.publishExitCode(mosquitto.address(), "lab/t", "x", 1, "-u", "bob", "-P", "guess"))
          .isNotZero();
    }
  }

  /** Writes the file as an administrator would, with Debian's tool. */
  private static void mosquittoPasswd(Path file, String user, String password) {
    Commands.run(List.of("mosquitto_passwd", "-b", "-c", file.toString(), user, password), "apt-get install mosquitto");
  }
}
