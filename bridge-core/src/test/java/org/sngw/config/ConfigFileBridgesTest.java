package org.sngw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.config.BridgeConfig.MqttVersion;
import org.sngw.config.BridgeConfig.OutboxLimits;
import org.sngw.config.BridgeConfig.TlsConfig;
import org.sngw.config.TopicRule.Direction;
import org.sngw.message.Qos;

class ConfigFileBridgesTest {
  @TempDir Path dir;
  private Path ca;
  private Path cert;
  private Path key;

  @BeforeEach
  void createFiles() throws IOException {
    // The reader checks only that the files can be read; their content is TlsFiles' business.
    ca = Files.writeString(dir.resolve("ca.pem"), "");
    cert = Files.writeString(dir.resolve("client.pem"), "");
    key = Files.writeString(dir.resolve("client.key"), "");
  }

  @Test
  void load_everyBridgeSetting_readsThemAll() throws Exception {
    String yaml =
        """
        bridges:
          - name: cloud
            uri: mqtts://u:p@broker.example.com:8884
            protocol: 5
            client-id: sngw-site-7
            username: other
            keep-alive: 30s
            clean-session: true
            tls:
              ca-file: %s
              cert-file: %s
              key-file: %s
              verify-hostname: false
            status-topic: site-7/bridge/state
            outbox: { max-messages: 500, max-bytes: 1MiB }
            reconnect: { min: 500ms, max: 5m }
            topics:
              - pattern: sensors/#
                qos: 1
                remote-prefix: site-7/
              - pattern: commands/+
                direction: in
                qos: 0
                local-prefix: local/
              - pattern: "#"
                direction: both
        """
            .formatted(ca, cert, key);

    List<BridgeConfig> bridges = ConfigFile.load(write(yaml)).bridges();

    assertThat(bridges)
        .containsExactly(
            new BridgeConfig(
                "cloud",
                URI.create("mqtts://broker.example.com:8884"),
                MqttVersion.V5,
                "sngw-site-7",
                Optional.of("other"),
                Optional.of("p"),
                new TlsConfig(Optional.of(ca), Optional.of(cert), Optional.of(key), false),
                Duration.ofSeconds(30),
                true,
                List.of(
                    new TopicRule("sensors/#", Direction.OUT, Qos.AT_LEAST_ONCE, "", "site-7/"),
                    new TopicRule("commands/+", Direction.IN, Qos.AT_MOST_ONCE, "local/", ""),
                    new TopicRule("#", Direction.BOTH, Qos.EXACTLY_ONCE, "", "")),
                "site-7/bridge/state",
                new OutboxLimits(500, 1L << 20),
                Duration.ofMillis(500),
                Duration.ofMinutes(5)));
    assertThat(bridges.get(0).port()).isEqualTo(8884);
  }

  @Test
  void load_nameAndUriOnly_takesTheDefaults() throws Exception {
    List<BridgeConfig> bridges =
        ConfigFile.load(write("bridges:\n  - name: cloud\n    uri: mqtt://sensor:secret@broker\n")).bridges();

    BridgeConfig bridge = bridges.get(0);
    assertThat(bridges)
        .containsExactly(BridgeConfig.defaults("cloud", UpstreamUri.parse("mqtt://sensor:secret@broker")));
    assertThat(bridge.uri()).isEqualTo(URI.create("mqtt://broker"));
    assertThat(bridge.port()).isEqualTo(1883);
    assertThat(bridge.version()).isEqualTo(MqttVersion.V3_1_1);
    assertThat(bridge.clientId()).isEqualTo("sngw-cloud");
    assertThat(bridge.username()).contains("sensor");
    assertThat(bridge.password()).contains("secret");
    assertThat(bridge.tls()).isEqualTo(TlsConfig.defaults());
    assertThat(bridge.cleanSession()).isFalse();
    assertThat(bridge.rules()).isEqualTo(BridgeConfig.forwardEverything());
    assertThat(bridge.statusTopic()).isEqualTo("$SYS/broker/bridge/cloud/state");
    assertThat(bridge.outbox()).isEqualTo(OutboxLimits.defaults());
    assertThat(bridge.reconnectMin()).isEqualTo(Duration.ofSeconds(1));
    assertThat(bridge.reconnectMax()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void load_mqttsWithoutTlsSection_usesTheJvmTrustStoreAndPort8883() throws Exception {
    BridgeConfig bridge = ConfigFile.load(write("bridges:\n  - name: a\n    uri: mqtts://h\n")).bridges().get(0);

    assertThat(bridge.usesTls()).isTrue();
    assertThat(bridge.port()).isEqualTo(8883);
    assertThat(bridge.tls()).isEqualTo(TlsConfig.defaults());
  }

  @Test
  void load_noBridges_connectsNowhere() throws Exception {
    assertThat(ConfigFile.load(write("mqtt: 127.0.0.1:1883\n")).bridges()).isEmpty();
    assertThat(ConfigFile.load(write("bridges:\n")).bridges()).isEmpty();
    assertThat(ConfigFile.load(write("bridges: []\n")).bridges()).isEmpty();
  }

  @Test
  void load_severalBridges_keepsTheirOrder() throws Exception {
    String yaml =
        """
        bridges:
          - { name: b, uri: "mqtt://h1" }
          - { name: a, uri: "mqtt://h2" }
        """;

    assertThat(ConfigFile.load(write(yaml)).bridges()).extracting(BridgeConfig::name).containsExactly("b", "a");
  }

  @Test
  void load_passwordWithoutUsername_isAllowedOnlyInMqtt5() throws Exception {
    String yaml = "bridges:\n  - name: a\n    uri: mqtt://h\n    password: p\n    protocol: %s\n";

    assertThat(problems(yaml.formatted("3.1.1")))
        .containsExactly("bridges[0].password: MQTT 3.1.1 sends a password only with a username (line 4)");
    assertThat(ConfigFile.load(write(yaml.formatted("5"))).bridges().get(0).password()).contains("p");
  }

  @Test
  void load_passwordFile_takesItsFirstLine_andNeverShowsIt() throws Exception {
    Path secret = Files.writeString(dir.resolve("cloud.pass"), "t0p-secret\n");
    String yaml = "bridges:\n  - name: a\n    uri: mqtt://alice@h\n    password-file: %s\n".formatted(secret);

    BridgeConfig bridge = ConfigFile.load(write(yaml)).bridges().get(0);

    assertThat(bridge.password()).contains("t0p-secret");
    assertThat(bridge.toString()).doesNotContain("t0p-secret").contains("password=Optional[***]");
  }

  @Test
  void load_passwordEnv_takesTheVariable_andAnUnsetOneIsAProblem() throws Exception {
    String yaml = "bridges:\n  - name: a\n    uri: mqtt://alice@h\n    password-env: %s\n";

    assertThat(ConfigFile.load(write(yaml.formatted("PATH"))).bridges().get(0).password())
        .contains(System.getenv("PATH"));
    assertThat(problems(yaml.formatted("SNGW_TEST_VARIABLE_NOBODY_SETS")))
        .containsExactly("bridges[0].password-env: environment variable SNGW_TEST_VARIABLE_NOBODY_SETS is not set"
            + " (line 4)");
  }

  @Test
  void load_twoPasswordSources_isAProblem() throws Exception {
    Path secret = Files.writeString(dir.resolve("cloud.pass"), "s\n");
    String yaml = "bridges:\n  - name: a\n    uri: mqtt://alice@h\n    password: p\n    password-file: %s\n"
        .formatted(secret);

    assertThat(problems(yaml)).singleElement().asString().contains("give one of password, password-file and password-env");
  }

  @Test
  void load_badBridgeValues_reportsEachWithItsPath() {
    String yaml =
        """
        bridges:
          - name: cloud 1
            uri: http://broker
            protocol: 4
            client-id: ""
            keep-alive: 70000s
            clean-session: maybe
            status-topic: a/+/state
            outbox: { max-messages: 0, max-bytes: 0 }
            reconnect: { min: 0s, max: soon }
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "bridges[0].name: expected letters, digits, _ and - only, got 'cloud 1' (line 2)",
            "bridges[0].uri: expected mqtt://HOST[:PORT] or mqtts://HOST[:PORT], got 'http://broker' (line 3)",
            "bridges[0].protocol: expected 3.1.1 or 5, got '4' (line 4)",
            "bridges[0].client-id: must not be empty (line 5)",
            "bridges[0].keep-alive: must be whole seconds up to 65535s, or 0s for none, was 70000s (line 6)",
            "bridges[0].clean-session: expected true or false, got 'maybe' (line 7)",
            "bridges[0].status-topic: expected a topic name without + or #, got 'a/+/state' (line 8)",
            "bridges[0].outbox.max-messages: must be at least 1, was 0 (line 9)",
            "bridges[0].outbox.max-bytes: must be at least 1KiB to hold a message, was 0 (line 9)",
            "bridges[0].reconnect.min: must be positive, was 0s (line 10)",
            "bridges[0].reconnect.max: expected a duration like 500ms, 10s, 5m, 1h or 7d, got 'soon' (line 10)");
  }

  @Test
  void load_missingNameAndUri_areRequired() {
    assertThat(problems("bridges:\n  - protocol: 5\n"))
        .containsExactly("bridges[0].name: required (line 2)", "bridges[0].uri: required (line 2)");
  }

  @Test
  void load_sameNameTwice_namesTheFirst() {
    String yaml =
        """
        bridges:
          - { name: cloud, uri: "mqtt://h1" }
          - { name: other, uri: "mqtt://h2" }
          - { name: cloud, uri: "mqtt://h3" }
        """;

    assertThat(problems(yaml)).containsExactly("bridges[2].name: 'cloud' is taken by bridges[0] (line 4)");
  }

  @Test
  void load_reconnectMinAboveMax_isReported() {
    assertThat(problems("bridges:\n  - name: a\n    uri: mqtt://h\n    reconnect: { min: 5m }\n"))
        .containsExactly("bridges[0].reconnect.min: must not be more than max, which is 2m unless set (line 4)");
  }

  @Test
  void load_tlsWithPlainMqtt_isReported() {
    String yaml = "bridges:\n  - name: a\n    uri: mqtt://h\n    tls:\n      verify-hostname: false\n";

    assertThat(problems(yaml)).containsExactly("bridges[0].tls: only for mqtts:// URIs (line 5)");
  }

  @Test
  void load_certWithoutKeyOrKeyWithoutCert_isReported() {
    String yaml =
        """
        bridges:
          - name: a
            uri: mqtts://h
            tls: { cert-file: %s }
          - name: b
            uri: mqtts://h
            tls: { key-file: %s }
        """
            .formatted(cert, key);

    assertThat(problems(yaml))
        .containsExactly(
            "bridges[0].tls.cert-file: needs key-file too (line 4)",
            "bridges[1].tls.key-file: needs cert-file too (line 7)");
  }

  @Test
  void load_unreadableTlsFiles_cannotBeRead() {
    Path missing = dir.resolve("missing.pem");
    String yaml =
        """
        bridges:
          - name: a
            uri: mqtts://h
            tls:
              ca-file: %s
              cert-file: %s
              key-file: ""
        """
            .formatted(missing, dir);

    assertThat(problems(yaml))
        .containsExactly(
            "bridges[0].tls.ca-file: cannot read '" + missing + "': file not found (line 5)",
            "bridges[0].tls.cert-file: cannot read '" + dir + "': it is a directory (line 6)",
            "bridges[0].tls.key-file: must not be empty (line 7)");
  }

  @Test
  void load_badTopicRules_reportsEach() {
    String yaml =
        """
        bridges:
          - name: a
            uri: mqtt://h
            topics:
              - pattern: sensors/#/x
              - pattern: sensors/#
                direction: up
                qos: 3
              - pattern: "#"
                local-prefix: site/+/
                remote-prefix: site-7
              - direction: in
              - pattern: "+"
                local-prefix: site
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "bridges[0].topics[0].pattern: 'sensors/#/x' is not a valid topic filter"
                + " (+ and # only as whole levels, # only last) (line 5)",
            "bridges[0].topics[1].direction: expected out, in or both, got 'up' (line 7)",
            "bridges[0].topics[1].qos: must be 0..2, was 3 (line 8)",
            "bridges[0].topics[2].local-prefix: must not contain wildcards + or #, got 'site/+/' (line 10)",
            "bridges[0].topics[2].remote-prefix: with the pattern makes 'site-7#', not a valid topic filter"
                + " (line 11)",
            "bridges[0].topics[3].pattern: required (line 12)",
            "bridges[0].topics[4].local-prefix: with the pattern makes 'site+', not a valid topic filter"
                + " (line 14)");
  }

  @Test
  void load_emptyTopicList_isRefusedRatherThanForwardingEverything() {
    assertThat(problems("bridges:\n  - name: a\n    uri: mqtt://h\n    topics: []\n"))
        .containsExactly("bridges[0].topics: must not be empty; leave it out to forward everything out (line 4)");
  }

  @Test
  void load_unknownKeysAtEveryLevel_areReported() {
    String yaml =
        """
        bridges:
          - name: a
            uri: mqtts://h
            clientid: x
            tls: { ca-fil: x }
            outbox: { max-message: 1 }
            topics:
              - { pattern: "#", directon: in }
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "bridges[0].clientid: unknown key (did you mean client-id?) (line 4)",
            "bridges[0].tls.ca-fil: unknown key (did you mean ca-file?) (line 5)",
            "bridges[0].outbox.max-message: unknown key (did you mean max-messages?) (line 6)",
            "bridges[0].topics[0].directon: unknown key (did you mean direction?) (line 8)");
  }

  @Test
  void load_wrongShapes_areReported() {
    assertThat(problems("bridges:\n  name: a\n"))
        .containsExactly("bridges: expected a list, got a mapping (line 2)");
    assertThat(problems("bridges:\n  - cloud\n  -\n"))
        .containsExactly(
            "bridges[0]: expected a mapping of settings, got 'cloud' (line 2)",
            "bridges[1]: expected a mapping of settings, got nothing (line 3)");
    assertThat(problems("bridges:\n  - name: a\n    uri: mqtt://h\n    topics: sensors/#\n"))
        .containsExactly("bridges[0].topics: expected a list, got 'sensors/#' (line 4)");
  }

  @Test
  void load_problemsInBridgesAndElsewhere_areReportedTogether() {
    String yaml =
        """
        mqtt-sn:
          retry-count: 0
        bridges:
          - name: a
            uri: mqtt://h:0
        broker:
          colour: red
        """;

    assertThat(problems(yaml))
        .hasSize(3)
        .element(1)
        .isEqualTo("bridges[0].uri: port must be 1..65535, got 'mqtt://h:0' (line 5)");
  }

  private List<String> problems(String yaml) {
    Path file;
    try {
      file = write(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return catchThrowableOfType(ConfigException.class, () -> ConfigFile.load(file)).problems();
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("gateway.yaml"), yaml);
  }
}
