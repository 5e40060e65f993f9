package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.auth.AccessConfig;
import org.sngw.auth.Authenticator;
import org.sngw.auth.PasswordFile;
import org.sngw.broker.BrokerConfig;
import org.sngw.message.Qos;
import org.sngw.mqtt.MosquittoClients.Run;
import org.sngw.mqtt.TestBroker.Published;

/** A listener with a password file, against Debian's mosquitto_pub and raw CONNECTs. */
class MqttListenerAuthIT {
  /** mosquitto_passwd's hash of "s3cret". */
  private static final String ALICE =
      "alice:$7$101$Hu9jEI1Wv9WCmL0T$QX6d2VPbGLvZUuOOQVR7CJj1oRAgyRBdvvYw8pWCMF5gfJQ8l4r6j9DxJl0v6MwejPBT8Tk/gYStBpUA/e7hIA==";

  @TempDir Path dir;
  private ListenerHarness harness;

  @BeforeEach
  void start() throws Exception {
    Path passwd = Files.writeString(dir.resolve("passwd"), ALICE + "\n");
    Authenticator access = Authenticator.forListener(AccessConfig.defaults(), Optional.of(PasswordFile.read(passwd)), true);
    harness = new ListenerHarness(BrokerConfig.defaults(), access);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void rightPassword_isLetIn() {
    int exit = MosquittoClients.pub(harness.port, "-i", "a1", "-u", "alice", "-P", "s3cret", "-t", "t", "-m", "m",
        "-q", "1");

    assertThat(exit).isZero();
    assertThat(harness.broker.published).containsExactly(
        new Published("a1", MqttListenerPublishIT.message("t", "m", Qos.AT_LEAST_ONCE, false)));
  }

  @Test
  void wrongPassword_isRefusedWithCode4AndCounted() {
    Run run = MosquittoClients.pubRun(harness.port, "-i", "a2", "-u", "alice", "-P", "guess", "-t", "t", "-m", "m");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.output()).contains("bad user name or password");
    assertThat(harness.broker.connects).isEmpty();
    assertThat(harness.listener.stats().refusedLogins()).isEqualTo(1);
  }

  @Test
  void unknownUser_isRefusedWithCode4() {
    Run run = MosquittoClients.pubRun(harness.port, "-u", "mallory", "-P", "s3cret", "-t", "t", "-m", "m");

    assertThat(run.output()).contains("bad user name or password");
    assertThat(harness.broker.connects).isEmpty();
  }

  @Test
  void anonymous_isRefusedWithCode5() throws Exception {
    try (RawClient client = new RawClient(harness.address())) {
      client.send(RawClient.connect("MQTT", 4, "anon", true, 0));

      // CONNACK, return code 5: not authorized
      client.expect(0x20, 0x02, 0x00, 0x05);
      client.awaitClosedByServer();
    }
    assertThat(harness.broker.connects).isEmpty();
    assertThat(harness.listener.stats().refusedLogins()).isEqualTo(1);
  }
}
