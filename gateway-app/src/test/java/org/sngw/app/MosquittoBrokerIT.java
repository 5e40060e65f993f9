package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upstream fixture itself, so a bridge test that fails points at the bridge: Mosquitto comes
 * back on the same port with its sessions, enforces client certificates and logins, and speaks TLS
 * with the certificates {@link TestPki} makes.
 */
class MosquittoBrokerIT {
  @TempDir
  Path dir;

  @Test
  void stopAndStart_samePort_persistentSessionKeepsWhatWasQueued() {
    try (MosquittoBroker broker = MosquittoBroker.start(dir, MosquittoBroker.Options.plain().withPersistence())) {
      Mosquitto.subscribe(broker.address(), "queued/#", 1, "-c", "-i", "fixture-app").close();

      broker.stop();
      broker.start();
      Mosquitto.publish(broker.address(), "queued/x", "kept", 1);

      try (Mosquitto.Sub back = Mosquitto.subscribe(broker.address(), "queued/#", 1, "-c", "-i", "fixture-app")) {
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(back.messages()).containsExactly("queued/x kept"));
      }
    }
  }

  @Test
  void tlsListener_acceptsTheIssuedClientCertificate_refusesNone() {
    TestPki pki = TestPki.create(dir.resolve("pki"), "fixture-ca");
    TestPki.Issued client = pki.issueClient("fixture-client");
    MosquittoBroker.Options tls = MosquittoBroker.Options.plain()
        .withTls(pki.caCert(), pki.issueServer("fixture-server"), true);
    try (MosquittoBroker broker = MosquittoBroker.start(dir.resolve("broker"), tls);
        Mosquitto.Sub plain = Mosquitto.subscribe(broker.address(), "tls/#", 1)) {
      String ca = pki.caCert().toString();

      Mosquitto.publish(broker.tlsAddress(), "tls/in", "with-cert", 1,
          "--cafile", ca, "--cert", client.cert().toString(), "--key", client.key().toString());

      assertThat(Mosquitto.publishExitCode(broker.tlsAddress(), "tls/in", "no-cert", 1, "--cafile", ca)).isNotZero();
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(plain.messages()).containsExactly("tls/in with-cert"));
    }
  }

  @Test
  void login_letsTheUserIn_refusesAnonymous() {
    try (MosquittoBroker broker = MosquittoBroker.start(dir,
        MosquittoBroker.Options.plain().withLogin("gateway", "s3cret"))) {
      assertThat(Mosquitto.publishExitCode(broker.address(), "t", "anonymous", 1)).isNotZero();
      assertThat(Mosquitto.publishExitCode(broker.address(), "t", "user", 1, "-u", "gateway", "-P", "s3cret")).isZero();
    }
  }
}
