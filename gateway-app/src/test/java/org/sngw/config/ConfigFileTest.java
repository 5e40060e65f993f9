package org.sngw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.TopicPattern;
import org.sngw.message.Qos;
import org.sngw.sn.gateway.MqttSnConfig;
import org.sngw.sn.gateway.SensorAllowlist;
import org.sngw.transport.udp.UdpSettings;

class ConfigFileTest {
  @TempDir Path dir;

  @Test
  void load_fullExample_readsEverySetting() throws Exception {
    GatewayConfig config = ConfigFile.load(resource("config/full.yaml"));

    assertThat(config.transports(UdpSettings.class))
        .containsExactly(new UdpSettings(
            new ListenAddress("::1", 11884), Optional.of(new ListenAddress("::1", 11885)), 8 * 1024 * 1024));
    assertThat(config.mqtt()).isEqualTo(new ListenAddress("127.0.0.1", 11883));
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/sngw"));
    assertThat(config.mqttSn())
        .isEqualTo(
            new MqttSnConfig(
                7,
                Map.of(1, "sensors/temperature", 2, "sensors/humidity"),
                Duration.ofMillis(500),
                5,
                200,
                20,
                Optional.of(Duration.ofMinutes(15)),
                800,
                300,
                true,
                new SensorAllowlist(List.of(
                    new SensorAllowlist.Entry("kitchen-*", Optional.of("udp:192.168.1.0/24")),
                    new SensorAllowlist.Entry("hub", Optional.empty(), Set.of("bench", "tester"))), true),
                List.of(new TopicPattern("sensors/%c/#"), new TopicPattern("cmd/%c/#"))));
    assertThat(config.store()).isEqualTo(new StoreConfig(false, true));
    assertThat(config.broker()).isEqualTo(new BrokerConfig(500, 16, 65536, 512L << 10, 1L << 30)
        .withBackpressureHold(Duration.ofMillis(500)).withPersistentSessionExpiry(Duration.ofDays(2))
        .withMaxQueuedTotalBytes(MemoryDefaults.ofThisJvm().queuedTotalBytes()));
    assertThat(config.bridges())
        .containsExactly(
            new BridgeConfig(
                "cloud",
                URI.create("mqtt://broker.example.com:11883"),
                BridgeConfig.MqttVersion.V5,
                "gateway-7",
                Optional.of("site-7b"),
                Optional.of("other"),
                BridgeConfig.TlsConfig.defaults(),
                Duration.ofSeconds(30),
                true,
                List.of(new TopicRule("sensors/#", TopicRule.Direction.BOTH, Qos.AT_LEAST_ONCE, "local/", "site-7/")),
                "site-7/state",
                new BridgeConfig.OutboxLimits(10, 1024),
                Duration.ofSeconds(2),
                Duration.ofMinutes(10)));
  }

  @Test
  void load_badSizeAndBoolean_reportsBoth() {
    assertThat(problems("store:\n  recover: yes please\nbroker:\n  max-store-bytes: 2TB\n"))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).startsWith("store.recover: expected true or false"))
        .anySatisfy(p -> assertThat(p).startsWith("broker.max-store-bytes: expected a size"));
  }

  @Test
  void load_advertiseIntervalZero_meansOff() throws Exception {
    assertThat(ConfigFile.load(write("mqtt-sn:\n  advertise-interval: 0\n")).mqttSn().advertiseInterval())
        .isEmpty();
    assertThat(ConfigFile.load(write("mqtt-sn:\n  advertise-interval: 0s\n")).mqttSn().advertiseInterval())
        .isEmpty();
  }

  @Test
  void load_environmentVariables_setKeysOverTheFile() throws Exception {
    Path file = write("mqtt-sn:\n  gateway-id: 3\n  retry-count: 5\nudp: 127.0.0.1:1884\n");

    GatewayConfig config = ConfigFile.load(file, Map.of(
        "SNGW_MQTT_SN_GATEWAY_ID", "7", "SNGW_UDP", "127.0.0.1:1999", "SNGW_BROKER_SYS_INTERVAL", "0",
        "SNGW_UPSTREAM_PASSWORD", "a secret, not a key", "PATH", "/usr/bin"));

    assertThat(config.mqttSn().gatewayId()).isEqualTo(7);
    assertThat(config.mqttSn().retryCount()).as("what the environment leaves alone").isEqualTo(5);
    assertThat(config.transports(UdpSettings.class)).singleElement()
        .satisfies(udp -> assertThat(udp.bind()).isEqualTo(new ListenAddress("127.0.0.1", 1999)));
    assertThat(config.broker().sysInterval()).isZero();
    assertThat(ConfigFile.fromEnvironment(Map.of("SNGW_MQTT", "127.0.0.1:1999")).mqtt())
        .isEqualTo(new ListenAddress("127.0.0.1", 1999));
  }

  @Test
  void load_environmentVariables_badOrUnknown_areReportedByName() throws Exception {
    Path file = write("mqtt-sn:\n  retry-count: 0\n");

    assertThat(catchThrowableOfType(ConfigException.class, () -> ConfigFile.load(file, Map.of(
        "SNGW_MQTT_SN_GATEWAY_ID", "0", "SNGW_MQTT_SN_GATEWAY_IDD", "1", "SNGW_COLOUR", "red"))).problems())
        .containsExactly(
            "SNGW_MQTT_SN_GATEWAY_ID: must be 1..255, was 0 (environment)",
            "SNGW_COLOUR: names no setting (environment)",
            "SNGW_MQTT_SN_GATEWAY_IDD: names no setting (did you mean SNGW_MQTT_SN_GATEWAY_ID?) (environment)",
            "mqtt-sn.retry-count: must be 1..100, was 0 (line 2)");
  }

  @Test
  void load_statusPage_fromTheFileOrTheEnvironment_offWithoutEither() throws Exception {
    assertThat(ConfigFile.defaults().status()).isEmpty();
    assertThat(ConfigFile.load(write("status:\n  listen: 127.0.0.1:8080\n  token: 0123456789abcdef\n")).status())
        .hasValue(new StatusConfig(new ListenAddress("127.0.0.1", 8080), Optional.of("0123456789abcdef")));
    assertThat(ConfigFile.fromEnvironment(Map.of("SNGW_STATUS_LISTEN", "127.0.0.1:8081")).status())
        .hasValue(new StatusConfig(new ListenAddress("127.0.0.1", 8081), Optional.empty()));
    assertThat(problems("status:\n  token: 0123456789abcdef\n")).containsExactly("status.listen: required (line 2)");
  }

  @Test
  void load_sysInterval_wholeSecondsOrZero() throws Exception {
    assertThat(ConfigFile.load(write("broker:\n  sys-interval: 30s\n")).broker().sysInterval())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(ConfigFile.load(write("broker:\n  sys-interval: 0\n")).broker().sysInterval()).isZero();
    assertThat(ConfigFile.defaults().broker().sysInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(problems("broker:\n  sys-interval: 1500ms\n"))
        .containsExactly("broker.sys-interval: must be whole seconds, or 0 for no $SYS topics, was 1500ms (line 2)");
  }

  @Test
  void load_udpReceiveBuffer_outOfRange_isReported() {
    assertThat(problems("udp-receive-buffer: 1KiB\n"))
        .containsExactly("udp-receive-buffer: must be 64KiB..2047MiB, was 1KiB (line 1)");
    assertThat(problems("udp-receive-buffer: 4GiB\n"))
        .containsExactly("udp-receive-buffer: must be 64KiB..2047MiB, was 4GiB (line 1)");
  }

  @Test
  void load_badAdvertiseSettings_reportsEach() {
    String yaml =
        """
        udp-broadcast: 127.0.0.1:0
        mqtt-sn:
          advertise-interval: 1500ms
        """;
    assertThat(problems(yaml))
        .containsExactly(
            "udp-broadcast: port must be 1..65535 to send to, got '127.0.0.1:0' (line 1)",
            "mqtt-sn.advertise-interval: must be whole seconds up to 65535s, or 0 for off,"
                + " was 1500ms (line 3)");
  }

  @Test
  void load_badAllowlist_reportsEachProblem() {
    assertThat(problems("mqtt-sn:\n  allowlist:\n    - address: udp:lan\n    - client-id: a\n      mqtt-users: ' , '\n"
        + "  unlisted: drop\n  sensor-topics: sensors/#/x\n"))
        .containsExactlyInAnyOrder(
            "mqtt-sn.allowlist[0].client-id: required (line 3)",
            "mqtt-sn.allowlist[0].address: expected udp:ADDRESS or udp:ADDRESS/BITS, got 'udp:lan' (line 3)",
            "mqtt-sn.allowlist[1].mqtt-users: expected one or more names separated by commas (line 5)",
            "mqtt-sn.unlisted: expected refuse or ignore, got 'drop' (line 6)",
            "mqtt-sn.sensor-topics: 'sensors/#/x' is not a valid topic filter (line 7)");
  }

  @Test
  void load_emptyFile_returnsDefaults() throws Exception {
    GatewayConfig embedded = GatewayConfig.defaults().withTransports(List.of(UdpSettings.on(UdpSettings.DEFAULT_BIND)));
    assertThat(ConfigFile.defaults()).isEqualTo(embedded);
    assertThat(ConfigFile.load(write(""))).isEqualTo(embedded);
    assertThat(ConfigFile.load(write("# nothing set\n"))).isEqualTo(embedded);
  }

  @Test
  void load_someKeys_keepsDefaultsForTheRest() throws Exception {
    GatewayConfig config = ConfigFile.load(write("mqtt-sn:\n  retry-count: 7\nbroker:\n"));

    GatewayConfig defaults = ConfigFile.defaults();
    assertThat(config.mqttSn().retryCount()).isEqualTo(7);
    assertThat(config.mqttSn().retryInterval()).isEqualTo(defaults.mqttSn().retryInterval());
    assertThat(config.transports()).isEqualTo(defaults.transports());
    assertThat(config.broker()).isEqualTo(defaults.broker());
  }

  @Test
  void load_unknownKey_reportsItWithPathAndSuggestion() {
    assertThat(problems("udpp: 127.0.0.1:1884\nmqtt-sn:\n  retry-cout: 3\n"))
        .containsExactly(
            "udpp: unknown key (did you mean udp?) (line 1)",
            "mqtt-sn.retry-cout: unknown key (did you mean retry-count?) (line 3)");
  }

  @Test
  void load_unknownKeyFarFromAnyKnown_listsTheKnownKeys() {
    assertThat(problems("broker:\n  colour: red\n"))
        .containsExactly(
            "broker.colour: unknown key (known keys: max-queued-messages, mqtt-inflight-window,"
                + " max-message-bytes, max-queued-bytes, max-store-bytes, max-connections,"
                + " max-pending-connections, backpressure-hold, persistent-session-expiry, max-queued-total-bytes,"
                + " sys-interval)"
                + " (line 2)");
  }

  @Test
  void load_severalBadValues_reportsAllTogetherInFileOrder() {
    String yaml =
        """
        udp: 127.0.0.1:70000
        mqtt-sn:
          gateway-id: 256
          retry-count: 0
          retry-interval: 0s
          max-pending-per-client: 0
        broker:
          mqtt-inflight-window: 65536
          max-message-bytes: 99999999999999999999
        """;
    assertThat(problems(yaml))
        .containsExactly(
            "udp: port must be 0..65535, got '127.0.0.1:70000' (line 1)",
            "mqtt-sn.gateway-id: must be 1..255, was 256 (line 3)",
            "mqtt-sn.retry-count: must be 1..100, was 0 (line 4)",
            "mqtt-sn.retry-interval: must be positive, was 0s (line 5)",
            "mqtt-sn.max-pending-per-client: must be at least 1, was 0 (line 6)",
            "broker.mqtt-inflight-window: must be 1..65535, was 65536 (line 8)",
            "broker.max-message-bytes: must be 1..268435455, was 99999999999999999999 (line 9)");
  }

  @Test
  void load_wrongTypes_nameTheKey() {
    String yaml =
        """
        mqtt: localhost
        data-dir: ""
        mqtt-sn:
          retry-count: three
          retry-interval: 10
          max-topics-per-client: 1.5
          gateway-id: [1, 2]
        broker: 5
        """;
    assertThat(problems(yaml))
        .containsExactly(
            "mqtt: expected HOST:PORT or [IPv6]:PORT, got 'localhost' (line 1)",
            "data-dir: must not be empty (line 2)",
            "mqtt-sn.retry-count: expected an integer, got 'three' (line 4)",
            "mqtt-sn.retry-interval: expected a duration like 500ms, 10s, 5m, 1h or 7d, got '10'"
                + " (line 5)",
            "mqtt-sn.max-topics-per-client: expected an integer, got '1.5' (line 6)",
            "mqtt-sn.gateway-id: expected a value, got a list (line 7)",
            "broker: expected a mapping of settings, got '5' (line 8)");
  }

  @Test
  void load_missingValue_isReported() {
    assertThat(problems("udp:\n")).containsExactly("udp: expected a value, got nothing (line 1)");
  }

  @Test
  void load_quotedNumber_isAccepted() throws Exception {
    assertThat(ConfigFile.load(write("mqtt-sn:\n  retry-count: \"4\"\n")).mqttSn().retryCount())
        .isEqualTo(4);
  }

  @Test
  void load_badPredefinedTopics_reportsEachEntry() {
    String yaml =
        """
        mqtt-sn:
          predefined-topics:
            0: zero
            65535: reserved
            abc: not/a/number
            4: sensors/+/temperature
            5: sensors/#
            6: ""
            7:
            8: fine
            08: same/id
        """;
    assertThat(problems(yaml))
        .containsExactly(
            "mqtt-sn.predefined-topics.0: topic id must be 1..65534, was 0 (line 3)",
            "mqtt-sn.predefined-topics.65535: topic id must be 1..65534, was 65535 (line 4)",
            "mqtt-sn.predefined-topics.abc: topic id must be a number, got 'abc' (line 5)",
            "mqtt-sn.predefined-topics.4: topic name must not contain wildcards + or #,"
                + " got 'sensors/+/temperature' (line 6)",
            "mqtt-sn.predefined-topics.5: topic name must not contain wildcards + or #,"
                + " got 'sensors/#' (line 7)",
            "mqtt-sn.predefined-topics.6: topic name is empty (line 8)",
            "mqtt-sn.predefined-topics.7: expected a value, got nothing (line 9)",
            "mqtt-sn.predefined-topics.08: same as an earlier key (line 11)");
  }

  @Test
  void load_duplicateKey_isReported() {
    assertThat(problems("udp: 127.0.0.1:1\nmqtt: 127.0.0.1:2\nudp: 127.0.0.1:3\n"))
        .containsExactly("udp: given twice, first on line 1 (line 3)");
  }

  @Test
  void load_topLevelNotAMapping_isReported() {
    assertThat(problems("- udp\n- mqtt\n"))
        .containsExactly("top level: expected a mapping of settings, got a list (line 1)");
  }

  @Test
  void load_yamlSyntaxError_reportsFileAndLine() throws IOException {
    Path file = write("udp: 127.0.0.1:1884\nmqtt-sn:\n  retry-count: 3\n gateway-id: 1\n");

    assertThatThrownBy(() -> ConfigFile.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": invalid YAML: ")
        .hasMessageContaining("(line 4, column 2)")
        .hasMessageNotContaining("\n");
  }

  @Test
  void load_javaClassTag_isRefused() {
    assertThat(problems("udp: !!java.net.URL [\"http://example.com\"]\n"))
        .singleElement()
        .asString()
        .startsWith("invalid YAML: Global tag is not allowed: tag:yaml.org,2002:java.net.URL");
  }

  @Test
  void load_missingFile_namesTheFile() {
    Path missing = dir.resolve("nope.yaml");

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigFile.load(missing));

    assertThat(e.source()).isEqualTo(missing.toString());
    assertThat(e.problems()).containsExactly("cannot read: file not found");
    assertThat(e).hasMessage(missing + ": cannot read: file not found");
  }

  @Test
  void load_directory_cannotBeRead() {
    assertThatThrownBy(() -> ConfigFile.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(dir + ": cannot read: ");
  }

  @Test
  void load_notUtf8_isReported() throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, new byte[] {'u', 'd', 'p', ':', ' ', (byte) 0xE9});

    assertThatThrownBy(() -> ConfigFile.load(file))
        .hasMessage(file + ": cannot read: not UTF-8 text");
  }

  @Test
  void configException_joinsProblemsOnOneLine() {
    ConfigException e = new ConfigException("gw.yaml", List.of("a: bad", "b: worse"));

    assertThat(e).hasMessage("gw.yaml: a: bad; b: worse");
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

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ConfigFileTest.class.getClassLoader().getResource(name).toURI());
  }
}
