package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sngw.bridge.BridgeState;
import org.sngw.config.BridgeConfig;
import org.sngw.config.BridgeConfig.TlsConfig;
import org.sngw.config.GatewayConfig;
import org.sngw.config.TopicRule;
import org.sngw.config.TopicRule.Direction;
import org.sngw.runtime.StartException;

/**
 * The bridge's way in to an upstream that wants proof: TLS with a client certificate against
 * Mosquitto, a CA that does not match, certificate files that cannot be read, and a login.
 */
class UpstreamSecurityIT {
  private static final Duration DELIVERY = Duration.ofSeconds(15);
  /** What any TLS stack says when the server's chain does not lead to the trusted CA. */
  private static final Pattern TLS_REASON = Pattern.compile("(?i)certificat|PKIX|trust|handshake");
  private static final List<TopicRule> SENSORS_OUT = List.of(TestBridges.rule("sensors/#", Direction.OUT, "site-7/"));

  @TempDir
  static Path pkiDir;
  private static TestPki pki;
  private static TestPki.Issued server;
  private static TestPki.Issued client;

  @TempDir
  Path dir;

  @BeforeAll
  static void issueCertificates() {
    pki = TestPki.create(pkiDir.resolve("ca"), "sngw-test-ca");
    server = pki.issueServer("mosquitto");
    client = pki.issueClient("gateway");
  }

  @Test
  void mutualTls_forwardsUpstream() throws Exception {
    try (MosquittoBroker upstream = MosquittoBroker.start(dir.resolve("mosquitto"), tlsRequiringClientCertificate());
        Mosquitto.Sub app = Mosquitto.subscribe(upstream.address(), "site-7/#", 1);
        Gateway gateway = Gateway.start(gatewayConfig(upstream.tlsUri(), tls(pki.caCert(), client.cert())))) {
      Mosquitto.publish(gateway.mqttAddress(), "sensors/t-1", "over-tls", 1);

      await().atMost(DELIVERY)
          .untilAsserted(() -> assertThat(app.messages()).containsExactly("site-7/sensors/t-1 over-tls"));
    }
  }

  @Test
  void wrongCa_neverConnects_andTheLogSaysWhy() throws Exception {
    TestPki stranger = TestPki.create(dir.resolve("other-ca"), "some-other-ca");
    try (MosquittoBroker upstream = MosquittoBroker.start(dir.resolve("mosquitto"), tlsRequiringClientCertificate());
        Mosquitto.Sub app = Mosquitto.subscribe(upstream.address(), "site-7/#", 1);
        CapturedLog log = CapturedLog.start();
        Gateway gateway = Gateway.start(gatewayConfig(upstream.tlsUri(), tls(stranger.caCert(), client.cert())))) {
      Mosquitto.publish(gateway.mqttAddress(), "sensors/t-1", "must-not-leave", 1);

      await().atMost(DELIVERY).untilAsserted(() -> assertThat(log.text().lines())
          .as("a log line naming the bridge and the TLS failure")
          .anyMatch(line -> line.contains(TestBridges.NAME) && TLS_REASON.matcher(line).find()));
      // Retrying: waiting for the next attempt, or in the middle of one, never connected.
      assertThat(gateway.bridgeState(TestBridges.NAME))
          .hasValueSatisfying(state -> assertThat(state).isIn(BridgeState.WAITING, BridgeState.CONNECTING));
      assertThat(app.messages()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"missing.crt", "not-a-certificate.crt"})
  void unreadableClientCertificate_failsTheStart_namingTheFile(String name) throws Exception {
    Path certificate = dir.resolve(name);
    if (name.startsWith("not-a")) {
      Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
    }
    URI nobody = URI.create("mqtts://127.0.0.1:" + GatewayProcess.freeTcpPort());

    // Closed at once should it start after all, so a wrong outcome leaves no ports bound.
    assertThatThrownBy(() -> Gateway.start(gatewayConfig(nobody, tls(pki.caCert(), certificate))).close())
        .isInstanceOf(StartException.class)
        .hasMessageContaining(certificate.toString());
  }

  @Test
  void login_forwardsUpstream() throws Exception {
    MosquittoBroker.Login login = new MosquittoBroker.Login("gateway", "s3cret");
    try (MosquittoBroker upstream = MosquittoBroker.start(dir.resolve("mosquitto"),
            MosquittoBroker.Options.plain().withLogin(login.user(), login.password()));
        Mosquitto.Sub app = Mosquitto.subscribe(upstream.address(), "site-7/#", 1,
            "-u", login.user(), "-P", login.password());
        Gateway gateway = Gateway.start(TestBridges.gateway(dir.resolve("gateway"),
            TestBridges.bridge(upstream.uri(), TlsConfig.defaults(), Optional.of(login), SENSORS_OUT)))) {
      Mosquitto.publish(gateway.mqttAddress(), "sensors/t-1", "logged-in", 1);

      await().atMost(DELIVERY)
          .untilAsserted(() -> assertThat(app.messages()).containsExactly("site-7/sensors/t-1 logged-in"));
    }
  }

  private static MosquittoBroker.Options tlsRequiringClientCertificate() {
    return MosquittoBroker.Options.plain().withTls(pki.caCert(), server, true);
  }

  /** Trusts {@code caCert}; presents {@code clientCert} with the client's key. */
  private static TlsConfig tls(Path caCert, Path clientCert) {
    return new TlsConfig(Optional.of(caCert), Optional.of(clientCert), Optional.of(client.key()), true);
  }

  private GatewayConfig gatewayConfig(URI upstream, TlsConfig tls) {
    BridgeConfig bridge = TestBridges.bridge(upstream, tls, Optional.empty(), SENSORS_OUT);
    return TestBridges.gateway(dir.resolve("gateway"), bridge);
  }
}
