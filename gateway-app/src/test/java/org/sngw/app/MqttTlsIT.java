package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.config.ConfigFile;
import org.sngw.tls.TlsFiles;

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
    gateway = startGateway("cn", "user sensor-hub\ntopic readwrite hub/#\n");
  }

  private Gateway startGateway(String identityName, String aclText) throws Exception {
    TestPki.Issued server = pki.issueServer("gateway");
    Path acl = Files.writeString(dir.resolve("acl"), aclText);
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
          identity-name: %s
        """.formatted(dir.resolve("data"), acl, server.cert(), server.key(), pki.caCert(), identityName));
    return Gateway.start(ConfigFile.load(config));
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
  void identityNameSan_logsInAsTheCertificatesDnsName() throws Exception {
    gateway.close();
    gateway = startGateway("san", "user hub.example.org\ntopic readwrite hub/#\n");
    TestPki.Issued byName = pki.issueClient("not-the-user", "DNS:hub.example.org");
    TestPki.Issued byCommonName = pki.issueClient("hub.example.org", "DNS:other.example.org");
    String[] tls = {"--cafile", pki.caCert().toString(), "--cert", byName.cert().toString(), "--key",
        byName.key().toString()};

    try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttTlsAddress(), "hub/#", 1, tls)) {
      Mosquitto.publish(gateway.mqttTlsAddress(), "hub/temp", "by-san", 1, tls);
      await().atMost(Duration.ofSeconds(10)).until(() -> sub.messages().contains("hub/temp by-san"));
      Mosquitto.publish(gateway.mqttTlsAddress(), "hub/temp", "by-cn", 1, "--cafile", pki.caCert().toString(),
          "--cert", byCommonName.cert().toString(), "--key", byCommonName.key().toString());
      Mosquitto.publish(gateway.mqttTlsAddress(), "hub/temp", "last", 1, tls);
      await().atMost(Duration.ofSeconds(10)).until(() -> sub.messages().contains("hub/temp last"));
      assertThat(sub.messages()).as("the CN is not the username: the ACL denied its publish")
          .doesNotContain("hub/temp by-cn");
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
  void reload_servesTheRenewedCertificateToNewConnections() throws Exception {
    TestPki.Issued hub = pki.issueClient("sensor-hub");
    BigInteger before = servedSerial(hub);
    pki.issueServer("gateway"); // renewed in place, as certbot would

    assertThat(servedSerial(hub)).as("until the reload, the one read at start").isEqualTo(before);
    gateway.reloadAccess();

    assertThat(servedSerial(hub)).isNotEqualTo(before);
    Mosquitto.publish(gateway.mqttTlsAddress(), "hub/temp", "after-renewal", 1, "--cafile", pki.caCert().toString(),
        "--cert", hub.cert().toString(), "--key", hub.key().toString());
  }

  /** The serial number of the certificate the TLS listener presents to a new connection. */
  private BigInteger servedSerial(TestPki.Issued client) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(TlsFiles.keyManagers(Optional.of(client.cert()), Optional.of(client.key())).orElseThrow()
        .getKeyManagers(), TlsFiles.trustManagers(Optional.of(pki.caCert())).getTrustManagers(), null);
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
        .createSocket("127.0.0.1", gateway.mqttTlsAddress().getPort())) {
      socket.startHandshake();
      return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
    }
  }
}
