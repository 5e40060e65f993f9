package org.sngw.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sngw.app.simulate.LoadPlan;
import org.sngw.app.simulate.SubscriberMode;
import org.sngw.app.simulate.demo.DemoRun;
import org.sngw.auth.AccessConfig;
import org.sngw.broker.BrokerConfig;
import org.sngw.config.BridgeConfig;
import org.sngw.config.ConfigFile;
import org.sngw.config.GatewayConfig;
import org.sngw.config.ListenAddress;
import org.sngw.config.MqttTlsConfig;
import org.sngw.config.StoreConfig;
import org.sngw.config.UpstreamUri;
import org.sngw.hardware.HardwarePlan;
import org.sngw.sn.codec.SnQos;
import org.sngw.transport.ble.BleConfig;
import org.sngw.transport.serial.SerialPortConfig;
import org.sngw.transport.serial.framing.Framing;
import org.sngw.transport.udp.UdpSettings;

class GatewayCommandTest {
  @TempDir Path dir;

  @Test
  void parse_noArguments_runsWithDefaults() {
    assertThat(run()).isEqualTo(ConfigFile.defaults());
  }

  @Test
  void parse_udp_setsTheUdpListener() {
    assertThat(udp(run("--udp", "127.0.0.1:2000")).bind())
        .isEqualTo(new ListenAddress("127.0.0.1", 2000));
    assertThat(udp(run("--udp=[::1]:2000")).bind()).isEqualTo(new ListenAddress("::1", 2000));
  }

  @Test
  void parse_noArguments_listensForMqttOnLoopbackOnly() {
    assertThat(run().mqtt()).isEqualTo(new ListenAddress("127.0.0.1", 1883));
    assertThat(run().access()).isEqualTo(AccessConfig.defaults());
  }

  @Test
  void parse_noArguments_hasNoWebSocketListener() {
    assertThat(ConfigFile.defaults().websocket()).isEmpty();
    assertThat(ConfigFile.defaults().websocketTls()).isEmpty();
  }

  @Test
  void parse_websocket_setsTheWebSocketListener() {
    assertThat(run("--websocket", "127.0.0.1:9001").websocket()).contains(new ListenAddress("127.0.0.1", 9001));
  }

  @Test
  void parse_websocketOverConfigFile_overridesItsKey_andKeepsItsTlsListener() throws IOException {
    Path cert = Files.writeString(dir.resolve("server.pem"), "");
    Path key = Files.writeString(dir.resolve("server.key"), "");
    Path file = write("""
        websocket: 0.0.0.0:9001
        websocket-tls:
          listen: 0.0.0.0:9443
          cert-file: %s
          key-file: %s
        """.formatted(cert, key));

    assertThat(run("--config", file.toString()).websocket()).contains(new ListenAddress("0.0.0.0", 9001));
    GatewayConfig flagged = run("--config", file.toString(), "--websocket", "127.0.0.1:9002");
    assertThat(flagged.websocket()).contains(new ListenAddress("127.0.0.1", 9002));
    assertThat(flagged.websocketTls()).contains(new MqttTlsConfig(new ListenAddress("0.0.0.0", 9443), cert, key,
        Optional.empty(), false, false, MqttTlsConfig.IdentityName.CN));
  }

  @Test
  void parse_websocketBadAddress_isAUsageErrorNamingTheFlag() {
    ParseOutcome outcome = GatewayCommand.parse("--websocket", "nowhere");

    assertThat(outcome).isInstanceOfSatisfying(ParseOutcome.UsageError.class,
        error -> assertThat(error.message()).startsWith("--websocket: "));
  }

  @Test
  void parse_websocketTlsWithoutItsCertificate_isAProblemNamingTheKey() throws IOException {
    Path file = write("websocket-tls:\n  listen: 127.0.0.1:9443\n");

    assertThat(GatewayCommand.parse("--config", file.toString())).isInstanceOfSatisfying(ParseOutcome.UsageError.class,
        error -> assertThat(error.message()).contains("websocket-tls.cert-file", "websocket-tls.key-file"));
  }

  @Test
  void parse_help_listsTheWebSocketFlag() {
    assertThat(GatewayCommand.parse("--help")).isInstanceOfSatisfying(ParseOutcome.Print.class,
        help -> assertThat(help.text()).contains("--websocket=HOST:PORT", "ws://HOST:PORT/mqtt"));
  }

  @Test
  void parse_accessFlags_setPasswordFileAndAnonymous() throws IOException {
    Path passwd = write("alice:$6$AQIDBAUGBwgJCgsM$AAAA\n");

    GatewayConfig config = run("--password-file", passwd.toString(), "--allow-anonymous");

    assertThat(config.access()).isEqualTo(new AccessConfig(Optional.of(passwd), Optional.of(true), Optional.empty()));
  }

  @Test
  void parse_passwd_isTheSubcommandWithItsFlags() {
    assertThat(GatewayCommand.parse("passwd", "/etc/sngw/passwd", "alice", "--password-stdin"))
        .isEqualTo(new ParseOutcome.Passwd(Path.of("/etc/sngw/passwd"), "alice", false, true));
    assertThat(GatewayCommand.parse("passwd", "--delete", "/etc/sngw/passwd", "bob"))
        .isEqualTo(new ParseOutcome.Passwd(Path.of("/etc/sngw/passwd"), "bob", true, false));
    assertThat(GatewayCommand.parse("passwd", "/etc/sngw/passwd"))
        .isInstanceOf(ParseOutcome.UsageError.class);
    assertThat(print("passwd", "--help")).contains("FILE", "USER", "--password-stdin", "--delete");
  }

  @Test
  void parse_simulate_plansTheRunAndTargetsLoopbackByDefault() {
    ParseOutcome.Simulate simulate = (ParseOutcome.Simulate) GatewayCommand.parse("simulate", "--clients", "500",
        "--qos", "2", "--subscriber", "persistent");

    LoadPlan plan = simulate.plan();
    assertThat(plan.target()).isEqualTo(LoadPlan.Target.GATEWAY);
    assertThat(plan.gateway()).isEqualTo(new InetSocketAddress("127.0.0.1", 1884));
    assertThat(plan.mqtt()).isEqualTo(new InetSocketAddress("127.0.0.1", 1883));
    assertThat(plan.clients()).isEqualTo(500);
    assertThat(plan.qos()).isEqualTo(SnQos.EXACTLY_ONCE);
    assertThat(plan.subscriber()).isEqualTo(SubscriberMode.PERSISTENT);
    assertThat(print("simulate", "--help")).contains("--clients", "--null-sink", "--in-process", "--json");
    assertThat(print("--help")).contains("simulate");
  }

  @Test
  void parse_simulateWithContradictions_isAUsageErrorNamingEach() {
    assertThat(GatewayCommand.parse("simulate", "--null-sink", "--subscriber", "clean", "--qos", "0"))
        .isEqualTo(new ParseOutcome.UsageError("simulate: --qos 0 needs --rate (there is no ack to pace by); "
            + "for an unpaced burst use --burst; --null-sink has no broker for a subscriber"));
    assertThat(GatewayCommand.parse("simulate", "--in-process", "--null-sink"))
        .isEqualTo(new ParseOutcome.UsageError("simulate: --in-process and --null-sink exclude each other"));
    assertThat(GatewayCommand.parse("simulate", "--in-memory"))
        .isEqualTo(new ParseOutcome.UsageError("simulate: --in-memory applies to the gateway of --in-process"));
    assertThat(GatewayCommand.parse("simulate", "--subscribers", "0"))
        .isEqualTo(new ParseOutcome.UsageError("simulate: --subscribers must be 1..100"));
    assertThat(GatewayCommand.parse("simulate", "--sleep", "30", "--rate", "100"))
        .isEqualTo(new ParseOutcome.UsageError("simulate: --sleep takes QoS 1 or 2 with one message per wake-up: "
            + "no --rate, --burst or --window"));
  }

  @Test
  void parse_simulateSleeping_plansSleepsBetweenPublishes() {
    ParseOutcome.Simulate simulate = (ParseOutcome.Simulate) GatewayCommand.parse("simulate", "--sleep", "60");

    assertThat(simulate.plan().sleep()).isEqualTo(Duration.ofSeconds(60));
    assertThat(((ParseOutcome.Simulate) GatewayCommand.parse("simulate")).plan().sleep()).isZero();
  }

  @Test
  void parse_upstreamWithUserOnly_takesThePasswordFromTheEnvironment() {
    ParseOutcome outcome = GatewayCommand.parse(Map.of("SNGW_UPSTREAM_PASSWORD", "t0p-secret"),
        "--upstream", "mqtt://alice@broker.example.com");

    ParseOutcome.Run run = (ParseOutcome.Run) outcome;
    assertThat(run.config().bridges().get(0).password()).contains("t0p-secret");
    assertThat(run.warnings()).isEmpty();
  }

  @Test
  void parse_upstreamWithPasswordInTheUri_warnsWithoutShowingIt() {
    ParseOutcome.Run run = (ParseOutcome.Run) GatewayCommand.parse(Map.of(),
        "--upstream", "mqtt://alice:t0p-secret@broker.example.com");

    assertThat(run.config().bridges().get(0).password()).contains("t0p-secret");
    assertThat(run.warnings()).singleElement().asString()
        .contains("process list", "SNGW_UPSTREAM_PASSWORD").doesNotContain("t0p-secret");
  }

  @Test
  void parse_aclFile_isTaken() throws IOException {
    Path acl = write("topic read sensors/#\n");

    assertThat(run("--acl-file", acl.toString()).access().aclFile()).contains(acl);
  }

  @Test
  void parse_missingPasswordFile_namesIt() {
    assertThat(error("--password-file", dir.resolve("nope").toString())).contains("file not found");
  }

  @Test
  void parse_mqtt_setsTheTcpListener() {
    assertThat(run("--mqtt", "localhost:0").mqtt()).isEqualTo(new ListenAddress("localhost", 0));
  }

  @Test
  void parse_dataDir_setsTheDirectory() {
    assertThat(run("--data-dir", "/var/lib/sngw").dataDir()).isEqualTo(Path.of("/var/lib/sngw"));
  }

  @Test
  void parse_advertiseFlags_setIdIntervalAndBroadcastTarget() {
    GatewayConfig config =
        run("--gateway-id", "42", "--advertise-interval", "15m", "--udp-broadcast", "127.0.0.1:1884");

    assertThat(config.mqttSn().gatewayId()).isEqualTo(42);
    assertThat(config.mqttSn().advertiseInterval()).contains(Duration.ofMinutes(15));
    assertThat(udp(config).broadcast()).contains(new ListenAddress("127.0.0.1", 1884));
  }

  @Test
  void parse_sysInterval_overridesTheFile_andZeroTurnsSysOff() throws IOException {
    Path file = write("broker:\n  sys-interval: 60s\n");

    assertThat(run("--config", file.toString()).broker().sysInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(run("--config", file.toString(), "--sys-interval", "5s").broker().sysInterval())
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(run("--sys-interval", "0").broker().sysInterval()).isZero();
    assertThat(error("--sys-interval", "often")).startsWith("--sys-interval: expected a duration");
  }

  @Test
  void parse_environment_overridesTheFile_andAFlagOverridesBoth() throws IOException {
    Path file = write("mqtt-sn:\n  gateway-id: 3\n");
    Map<String, String> environment = Map.of("SNGW_MQTT_SN_GATEWAY_ID", "5");

    assertThat(((ParseOutcome.Run) GatewayCommand.parse(environment, "--config", file.toString())).config()
        .mqttSn().gatewayId()).isEqualTo(5);
    assertThat(((ParseOutcome.Run) GatewayCommand.parse(environment, "--config", file.toString(), "--gateway-id", "9"))
        .config().mqttSn().gatewayId()).isEqualTo(9);
    assertThat(((ParseOutcome.Run) GatewayCommand.parse(environment)).config().mqttSn().gatewayId())
        .as("without a file too").isEqualTo(5);
    assertThat(((ParseOutcome.UsageError) GatewayCommand.parse(Map.of("SNGW_GATEWAY_ID", "5"))).message())
        .isEqualTo("environment: SNGW_GATEWAY_ID: names no setting (environment)");
  }

  @Test
  void parse_simulateDemo_runsAgainstTheGatewayGiven_orOneInThisJvm() {
    assertThat(GatewayCommand.parse("simulate", "--demo", "--in-process"))
        .isEqualTo(new ParseOutcome.Demo(new DemoRun.Plan(Optional.empty(), Optional.empty())));
    assertThat(GatewayCommand.parse("simulate", "--demo", "--gateway", "127.0.0.1:2000")).isEqualTo(
        new ParseOutcome.Demo(new DemoRun.Plan(Optional.of(new InetSocketAddress("127.0.0.1", 2000)), Optional.empty())));
    assertThat(error("simulate", "--demo", "--gateway", "nowhere")).startsWith("simulate: --gateway");
  }

  @Test
  void parse_noAdvertiseFlags_advertisesNothing() {
    GatewayConfig config = run();

    assertThat(config.mqttSn().advertiseInterval()).isEmpty();
    assertThat(udp(config).broadcast()).isEmpty();
  }

  @Test
  void parse_configWithHardwareAndFlags_keepsTheFilesHardware() throws IOException {
    Path file = write("hardware:\n  ready-led: 17\n");

    GatewayConfig config = run("--config", file.toString(), "--udp", "127.0.0.1:2000");

    assertThat(config.extensions()).singleElement().isInstanceOf(HardwarePlan.class);
  }

  @Test
  void parse_advertiseIntervalZero_turnsOffTheFilesAdvertising() throws IOException {
    Path file = write("udp-broadcast: 127.0.0.1:1884\nmqtt-sn:\n  gateway-id: 3\n  advertise-interval: 60s\n");

    GatewayConfig config = run("--config", file.toString(), "--advertise-interval", "0", "--gateway-id", "4");

    assertThat(config.mqttSn().advertiseInterval()).isEmpty();
    assertThat(config.mqttSn().gatewayId()).isEqualTo(4);
    assertThat(udp(config).broadcast()).contains(new ListenAddress("127.0.0.1", 1884));
  }

  @Test
  void parse_serialRepeated_addsEachPort() {
    assertThat(run("--serial", "/dev/ttyUSB0", "--serial", "/dev/ttyAMA0@9600:xbee").transports(SerialPortConfig.class)).containsExactly(
        SerialPortConfig.of("/dev/ttyUSB0"),
        SerialPortConfig.of("/dev/ttyAMA0").with(9600, Framing.XBEE));
  }

  @Test
  void parse_serialBadBaud_namesTheFlag() {
    assertThat(error("--serial", "/dev/ttyUSB0@1")).startsWith("--serial:");
  }

  @Test
  void parse_ble_turnsBluetoothOnWithTheDefaults() {
    assertThat(run().transports(BleConfig.class)).isEmpty();
    assertThat(run("--ble").transports(BleConfig.class)).containsExactly(BleConfig.defaults());
  }

  @Test
  void parse_recoverAndInMemory_setTheStore() {
    assertThat(run().store()).isEqualTo(StoreConfig.defaults());
    assertThat(run("--recover").store().recover()).isTrue();
    assertThat(run("--in-memory").store().persistent()).isFalse();
  }

  @Test
  void parse_atSignValue_isNotReadAsAnArgumentFile() {
    assertThat(run("--data-dir", "@state").dataDir()).isEqualTo(Path.of("@state"));
  }

  @Test
  void parse_predefinedRepeated_collectsEveryTopic() {
    GatewayConfig config = run("--predefined", "1=sensors/temp", "--predefined=2=a=b");

    assertThat(config.mqttSn().predefinedTopics()).isEqualTo(Map.of(1, "sensors/temp", 2, "a=b"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--udp        | abc      | --udp: expected HOST:PORT or [IPv6]:PORT, got 'abc'",
        "--udp        | h:70000  | --udp: port must be 0..65535, got 'h:70000'",
        "--mqtt       | ::1:1883 | --mqtt: expected HOST:PORT or [IPv6]:PORT, got '::1:1883'",
        "--data-dir   | ' '      | --data-dir: must not be empty",
        "--predefined | sensors  | --predefined: expected ID=TOPIC, got 'sensors'",
        "--predefined | x=a      | --predefined: topic id must be a number, got 'x'",
        "--predefined | 0=a      | --predefined: topic id must be 1..65534, was 0",
        "--predefined | 65535=a  | --predefined: topic id must be 1..65534, was 65535",
        "--predefined | 1=       | --predefined: topic name is empty",
        "--predefined | 1=a/#    | --predefined: topic name must not contain wildcards + or #,"
            + " got 'a/#'",
        "--config     | ' '      | --config: must not be empty",
        "--gateway-id | 0        | --gateway-id: must be 1..255, was 0",
        "--gateway-id | 256      | --gateway-id: must be 1..255, was 256",
        "--advertise-interval | 1500ms | --advertise-interval: must be whole seconds up to 65535s,"
            + " or 0 for off, was 1500ms",
        "--advertise-interval | often  | --advertise-interval: expected a duration like 500ms, 10s,"
            + " 5m, 1h or 7d, got 'often'",
        "--udp-broadcast | 127.0.0.1:0 | --udp-broadcast: port must be 1..65535 to send to,"
            + " got '127.0.0.1:0'",
      })
  void parse_badValue_namesTheFlagOnOneLine(String flag, String value, String message) {
    assertThat(error(flag, value)).isEqualTo(message);
  }

  @Test
  void parse_predefinedSameIdTwice_isAnError() {
    assertThat(error("--predefined", "1=a", "--predefined", "1=b"))
        .isEqualTo("--predefined: topic id 1 given twice");
  }

  @Test
  void parse_severalBadFlags_reportsThemAllOnOneLine() {
    assertThat(error("--udp", "x", "--mqtt", "y"))
        .isEqualTo(
            "--udp: expected HOST:PORT or [IPv6]:PORT, got 'x';"
                + " --mqtt: expected HOST:PORT or [IPv6]:PORT, got 'y'");
  }

  @Test
  void parse_unknownOption_namesIt() {
    assertThat(error("--frob")).isEqualTo("unknown option: --frob");
    assertThat(error("--dat-dir", "/tmp"))
        .isEqualTo("unknown option: --dat-dir (did you mean --data-dir?)");
  }

  @Test
  void parse_positionalArgument_isUnexpected() {
    assertThat(error("gateway.yaml"))
        .isEqualTo("unexpected argument: gateway.yaml (the commands are passwd, check-config, ports, simulate)");
  }

  @Test
  void parse_flagWithoutValue_namesTheFlag() {
    assertThat(error("--udp")).isEqualTo("--udp: missing HOST:PORT");
    assertThat(error("--config", "--udp", "h:1")).isEqualTo("--config: missing FILE");
  }

  @Test
  void parse_flagTwice_isAnError() {
    assertThat(error("--udp", "h:1", "--udp", "h:2")).isEqualTo("--udp: given more than once");
  }

  @Test
  void parse_upstream_addsABridgeWithTheDefaults() {
    BridgeConfig bridge = run("--upstream", "mqtt://site-7:secret@broker.example.com:1884").bridges().get(0);

    assertThat(bridge)
        .isEqualTo(
            BridgeConfig.defaults("upstream-1", UpstreamUri.parse("mqtt://site-7:secret@broker.example.com:1884")));
    assertThat(bridge.uri()).isEqualTo(URI.create("mqtt://broker.example.com:1884"));
    assertThat(bridge.username()).contains("site-7");
    assertThat(bridge.password()).contains("secret");
    assertThat(bridge.version()).isEqualTo(BridgeConfig.MqttVersion.V3_1_1);
    assertThat(bridge.clientId()).isEqualTo("sngw-upstream-1");
    assertThat(bridge.rules()).isEqualTo(BridgeConfig.forwardEverything());
  }

  @Test
  void parse_upstreamMqtts_usesTheJvmTrustStoreAndVerifiesTheHostname() {
    BridgeConfig bridge = run("--upstream", "mqtts://broker.example.com").bridges().get(0);

    assertThat(bridge.usesTls()).isTrue();
    assertThat(bridge.port()).isEqualTo(8883);
    assertThat(bridge.tls()).isEqualTo(BridgeConfig.TlsConfig.defaults());
    assertThat(bridge.tls().verifyHostname()).isTrue();
  }

  @Test
  void parse_upstreamRepeated_namesEachInTurn() {
    GatewayConfig config = run("--upstream", "mqtt://a", "--upstream=mqtt://b");

    assertThat(config.bridges()).extracting(BridgeConfig::name).containsExactly("upstream-1", "upstream-2");
    assertThat(config.bridges()).extracting(BridgeConfig::host).containsExactly("a", "b");
  }

  @Test
  void parse_upstreamAndConfigFileBridges_addUpAvoidingTheFilesNames() throws IOException {
    Path file = write("bridges:\n  - { name: upstream-1, uri: \"mqtt://file\" }\n");

    GatewayConfig config = run("--config", file.toString(), "--upstream", "mqtt://a", "--upstream", "mqtt://b");

    assertThat(config.bridges())
        .extracting(BridgeConfig::name)
        .containsExactly("upstream-1", "upstream-2", "upstream-3");
    assertThat(config.bridges()).extracting(BridgeConfig::host).containsExactly("file", "a", "b");
  }

  @Test
  void parse_badUpstream_namesTheFlagWithoutThePassword() {
    assertThat(error("--upstream", "http://broker"))
        .isEqualTo("--upstream: expected mqtt://HOST[:PORT] or mqtts://HOST[:PORT], got 'http://broker'");
    assertThat(error("--upstream", "mqtt://u:secret@broker:0"))
        .isEqualTo("--upstream: port must be 1..65535, got 'mqtt://u:***@broker:0'");
    assertThat(error("--upstream", "mqtt://ok", "--upstream", "broker:1883"))
        .isEqualTo("--upstream: expected mqtt://HOST[:PORT] or mqtts://HOST[:PORT], got 'broker:1883'");
  }

  @Test
  void parse_bridgeWithUnusableCertificate_namesTheBridgeAndFile() throws IOException {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
    Path file = write("bridges:\n  - name: cloud\n    uri: mqtts://h\n    tls: { ca-file: " + ca + " }\n");

    assertThat(error("--config", file.toString(), "--udp", "x"))
        .isEqualTo(
            "--udp: expected HOST:PORT or [IPv6]:PORT, got 'x'; bridge cloud: " + ca + ": not a PEM certificate");
  }

  @Test
  void parse_configFile_usesItsSettings() throws IOException {
    Path file = write("mqtt: 127.0.0.1:9883\nbroker:\n  max-queued-messages: 5\n");

    GatewayConfig config = run("--config", file.toString());

    assertThat(config.mqtt()).isEqualTo(new ListenAddress("127.0.0.1", 9883));
    assertThat(config.broker()).isEqualTo(new BrokerConfig(5, 32, 262144));
  }

  @Test
  void parse_flagsAndConfigFile_flagsWinAndPredefinedTopicsMerge() throws IOException {
    Path file =
        write(
            """
            udp: 10.0.0.1:1884
            mqtt: 10.0.0.1:1883
            data-dir: /from/file
            mqtt-sn:
              retry-count: 9
              predefined-topics:
                1: file/one
                2: file/two
            """);

    GatewayConfig config =
        run(
            "--udp", "127.0.0.1:5000", "--data-dir", "/from/flag",
            "--predefined", "2=flag/two", "--predefined", "3=flag/three",
            "--config", file.toString());

    assertThat(udp(config).bind()).isEqualTo(new ListenAddress("127.0.0.1", 5000));
    assertThat(config.mqtt()).isEqualTo(new ListenAddress("10.0.0.1", 1883));
    assertThat(config.dataDir()).isEqualTo(Path.of("/from/flag"));
    assertThat(config.mqttSn().retryCount()).isEqualTo(9);
    assertThat(config.mqttSn().predefinedTopics())
        .isEqualTo(Map.of(1, "file/one", 2, "flag/two", 3, "flag/three"));
  }

  @Test
  void parse_badConfigFile_reportsAllItsProblemsOnOneLine() throws IOException {
    Path file = write("udpp: x\nmqtt-sn:\n  retry-count: 0\n");

    assertThat(error("--config", file.toString()))
        .isEqualTo(
            file + ": udpp: unknown key (did you mean udp?) (line 1);"
                + " mqtt-sn.retry-count: must be 1..100, was 0 (line 3)");
  }

  @Test
  void parse_badConfigFileAndBadFlag_reportsBoth() throws IOException {
    Path file = write("mqtt-sn:\n  gateway-id: 0\n");

    assertThat(error("--config", file.toString(), "--udp", "x"))
        .isEqualTo(
            file + ": mqtt-sn.gateway-id: must be 1..255, was 0 (line 2);"
                + " --udp: expected HOST:PORT or [IPv6]:PORT, got 'x'");
  }

  @Test
  void parse_missingConfigFile_namesIt() {
    Path missing = dir.resolve("missing.yaml");

    assertThat(error("--config", missing.toString()))
        .isEqualTo(missing + ": cannot read: file not found");
  }

  @Test
  void parse_help_printsUsageWithEveryOptionAndItsDefault() {
    for (String flag : new String[] {"--help", "-h"}) {
      String text = print(flag);

      assertThat(text)
          .startsWith("Usage: java -jar gateway.jar")
          .contains("--config=FILE", "--udp=HOST:PORT", "--mqtt=HOST:PORT", "--data-dir=DIR")
          .contains("--predefined=ID=TOPIC", "--upstream=URI", "--version")
          .contains("--gateway-id=N", "--advertise-interval=DURATION", "--udp-broadcast=HOST:PORT")
          .contains("--password-file=FILE", "--allow-anonymous")
          .contains("(default 0.0.0.0:1884)", "(default 127.0.0.1:1883)", "(default data)")
          .doesNotEndWith("\n");
    }
  }

  @Test
  void parse_helpWithBadValues_stillPrintsHelp() {
    assertThat(GatewayCommand.parse("--udp", "nonsense", "--help"))
        .isInstanceOf(ParseOutcome.Print.class);
  }

  @Test
  void parse_version_printsNameAndBuildVersion() {
    assertThat(print("--version")).matches("sngw \\d+\\.\\d+\\.\\d+\\S*");
    assertThat(print("-V")).isEqualTo(print("--version"));
  }

  private static GatewayConfig run(String... args) {
    ParseOutcome outcome = GatewayCommand.parse(args);
    assertThat(outcome).isInstanceOf(ParseOutcome.Run.class);
    return ((ParseOutcome.Run) outcome).config();
  }

  private static String error(String... args) {
    ParseOutcome outcome = GatewayCommand.parse(args);
    assertThat(outcome).isInstanceOf(ParseOutcome.UsageError.class);
    String message = ((ParseOutcome.UsageError) outcome).message();
    assertThat(message).doesNotContain("\n");
    return message;
  }

  private static String print(String... args) {
    ParseOutcome outcome = GatewayCommand.parse(args);
    assertThat(outcome).isInstanceOf(ParseOutcome.Print.class);
    return ((ParseOutcome.Print) outcome).text();
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("gateway.yaml"), yaml);
  }

  /** The one UDP transport a parsed command runs. */
  private static UdpSettings udp(GatewayConfig config) {
    assertThat(config.transports(UdpSettings.class)).hasSize(1);
    return config.transports(UdpSettings.class).get(0);
  }
}
