package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.config.ConfigFile;

/**
 * The MQTT TLS listener, tried with Debian's clients: --cafile for the server, --cert/--key for a
 * client certificate whose CN is the username the ACL knows.
 */
class MqttTlsIT {
  @TempDir Path dir;
  private TestPki pki;
  private Gateway gateway;

  @BeforeEach
  void start() throws Exception {
    pki = TestPki.create(dir.resolve("pki"), "test-ca");
    TestPki.Issued server = pki.issueServer("gateway");
    Path acl = Files.writeString(dir.resolve("acl"), "user sensor-hub\ntopic readwrite hub/#\n");
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        udp: 127.0.0.1:0
        mqtt: 127.0.0.1:0
        data-dir: %s
        acl-file: %s
        mqtt-tls:
          listen: 127.0.0.1:0
          cert-file: %s
          key-file: %s
          ca-file: %s
          require-certificate: true
          identity-as-username: true
        """.formatted(dir.resolve("data"), acl, server.cert(), server.key(), pki.caCert()));
    gateway = Gateway.start(ConfigFile.load(config));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void clientCertificate_logsInAsItsCommonName_andTheAclAppliesToIt() {
    TestPki.Issued hub = pki.issueClient("sensor-hub");
    String[] tls = {"--cafile", pki.caCert().toString(), "--cert", hub.cert().toString(), "--key", hub.key().toString()};
    try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttTlsAddress(), "hub/#", 1, tls)) {
      Mosquitto.publish(gateway.mqttTlsAddress(), "hub/temp", "21.5", 1, tls);
      Mosquitto.publish(gateway.mqttTlsAddress(), "elsewhere/temp", "9", 1, tls);

      await().atMost(Duration.ofSeconds(10)).until(() -> sub.messages().contains("hub/temp 21.5"));
    }
  }

  @Test
  void withoutAClientCertificate_theHandshakeIsRefused() {
    assertThat(Mosquitto.publishExitCode(gateway.mqttTlsAddress(), "hub/temp", "x", 1,
        "--cafile", pki.caCert().toString())).isNotZero();
  }

  @Test
  void certificateOfAnotherCa_isRefused() {
    TestPki stranger = TestPki.create(dir.resolve("other"), "other-ca");
    TestPki.Issued forged = stranger.issueClient("sensor-hub");

    assertThat(Mosquitto.publishExitCode(gateway.mqttTlsAddress(), "hub/temp", "x", 1,
        "--cafile", pki.caCert().toString(), "--cert", forged.cert().toString(), "--key", forged.key().toString()))
        .isNotZero();
  }

  @Test
  void reload_takesARenewedCertificate() throws Exception {
    TestPki.Issued renewed = pki.issueServer("gateway");
    Path certFile = dir.resolve("pki").resolve("gateway.crt");
    assertThat(renewed.cert()).isEqualTo(certFile);

    gateway.reloadAccess();

    TestPki.Issued hub = pki.issueClient("sensor-hub");
    Mosquitto.publish(gateway.mqttTlsAddress(), "hub/temp", "after-renewal", 1, "--cafile", pki.caCert().toString(),
        "--cert", hub.cert().toString(), "--key", hub.key().toString());
  }
}
