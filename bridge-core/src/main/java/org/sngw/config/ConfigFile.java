package org.sngw.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.sngw.auth.AccessConfig;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.TopicPattern;
import org.sngw.sn.gateway.MqttSnConfig;
import org.sngw.sn.gateway.SensorAllowlist;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the YAML config file. Every key is optional; what the file leaves out keeps the value of
 * {@link #defaults()}. The transports' keys ({@code udp}, {@code serial}, {@code ble}, ...) are
 * read by the {@link TransportProvider}s on the class path, each from its own module:
 *
 * <pre>{@code
 * udp: 0.0.0.0:1884          # MQTT-SN over UDP: HOST:PORT, or "[IPv6]:PORT" (quoted)
 * udp-broadcast: 255.255.255.255:1884   # where ADVERTISE goes; absent: nothing is broadcast
 * udp-receive-buffer: 4MiB   # asked of the kernel (net.core.rmem_max caps it); bursts beyond it are dropped
 * mqtt: 127.0.0.1:1883       # MQTT TCP listener; port 0 picks a free port
 * password-file: /etc/sngw/passwd   # MQTT users, Mosquitto's format (mosquitto_passwd, sngw passwd)
 * allow-anonymous: false     # absent: true on a loopback-only listener without password-file
 * acl-file: /etc/sngw/acl    # topic access, Mosquitto's ACL syntax; absent: anything but publishing to $ topics
 * mqtt-tls:                  # a TLS listener for MQTT beside the plain one; absent: none
 *   listen: 0.0.0.0:8883     # required
 *   cert-file: /etc/sngw/server.pem   # required; the chain, leaf first
 *   key-file: /etc/sngw/server.key    # required; PKCS#8, unencrypted
 *   ca-file: /etc/sngw/clients-ca.pem # client certificates are checked against it; absent: none asked
 *   require-certificate: false        # true: a client without a valid certificate is refused
 *   identity-as-username: false       # true: a valid certificate's CN is the username, no password
 *   identity-name: cn                 # or san: its first DNS name, e-mail address or URI instead
 * websocket: 127.0.0.1:9001  # MQTT over WebSocket at ws://HOST:PORT/mqtt; absent: off
 * websocket-tls:             # the same over TLS (wss://), with the keys of mqtt-tls; absent: off
 *   listen: 0.0.0.0:9443     # required
 *   cert-file: /etc/sngw/server.pem   # required, and the rest as in mqtt-tls
 *   key-file: /etc/sngw/server.key
 * data-dir: ./data
 * metrics: 127.0.0.1:9184    # Prometheus text at http://HOST:PORT/metrics; absent: off
 * store:
 *   persistent: true         # false: in memory only, nothing survives a restart
 *   recover: false           # true: start empty when the stored state is damaged
 * mqtt-sn:
 *   gateway-id: 1            # 1..255
 *   advertise-interval: 15m  # ADVERTISE this often (whole seconds, up to 65535s); absent or 0: off
 *   retry-interval: 10s      # durations: 500ms, 10s, 5m, 1h
 *   retry-count: 3           # 1..100
 *   max-topics-per-client: 1000    # 1..65534
 *   max-pending-per-client: 100
 *   max-sessions: 10000      # sensors with a session at once; more get CONNACK congestion
 *   max-sessions-per-transport: 5000   # the same per transport (UDP, each serial port, BLE)
 *   qos-minus-one: false     # accept QoS -1 PUBLISH (no connection, anyone): off unless set
 *   allowlist:               # which sensors may connect; absent: any
 *     - client-id: "kitchen-*"          # * for any run of characters
 *       address: udp:192.168.1.0/24     # optional: udp:NETWORK, or serial:/dev/ttyUSB0/NODE, ble:AA:BB:* ...
 *       mqtt-users: bench, tester       # optional: MQTT users who may hold these sessions too
 *   unlisted: refuse         # refuse (CONNACK rejected: not supported) or ignore (no answer)
 *   sensor-topics: "#"       # where sensors may publish and subscribe, %c their client id; "#": all but $ topics
 *   predefined-topics:       # id (1..65534): topic name without + or #
 *     1: sensors/temperature
 *     2: sensors/humidity
 * broker:
 *   max-queued-messages: 10000    # per session; past it the session drops its oldest
 *   mqtt-inflight-window: 32       # 1..65535
 *   max-message-bytes: 262144      # 1..268435455
 *   max-queued-bytes: 8MiB         # per session: bytes, KiB, MiB, GiB; a message counts payload + topic + 64
 *   max-store-bytes: 32MiB         # persistent sessions' queued messages plus retained ones; default: heap / 4, at most 256MiB
 *   max-connections: 1000          # MQTT clients at once; more get CONNACK 3 (server unavailable)
 *   max-pending-connections: 100   # accepted, CONNECT not yet in (10 s at most); more are closed
 *   backpressure-hold: 2s          # a full subscriber queue holds publishers' acks this long at most; 0s: never
 *   persistent-session-expiry: 7d  # a persistent session this long without a connection is ended
 *   max-queued-total-bytes: 32MiB  # all queues together, in memory, counted alike; default: heap / 4, at most 64MiB
 *   sys-interval: 10s              # retained $SYS/broker/... counters this often (whole seconds); 0: none
 * serial:                    # serial ports with sensors; absent: none
 *   - device: /dev/serial/by-id/usb-FTDI_FT232R-if00-port0   # required
 *     baud: 115200
 *     data-bits: 8
 *     parity: none           # none, odd, even, mark, space
 *     stop-bits: 1           # 1, 1.5, 2
 *     flow-control: none     # none, rts-cts, xon-xoff
 *     framing: plain         # plain, cobs, cobs-crc, xbee, xbee-escaped
 * ble:                       # Bluetooth LE sensors through BlueZ; absent: off
 *   adapter: hci0
 *   service: 6e400001-b5a3-f393-e0a9-e50e24dcca9e                 # Nordic UART Service
 *   receive-characteristic: 6e400002-b5a3-f393-e0a9-e50e24dcca9e  # written by the gateway
 *   send-characteristic: 6e400003-b5a3-f393-e0a9-e50e24dcca9e     # notified by the sensor
 *   allowlist: AA:BB:CC:DD:EE:01, AA:BB:CC:DD:EE:02   # absent: any device with the service
 *   max-connections: 8       # 1..32
 *   write-with-response: false
 *   reconnect: { min: 1s, max: 1m }
 * bridges:                   # upstream brokers; absent: none
 *   - name: cloud            # required, unique: letters, digits, _ and -
 *     uri: mqtts://user@broker.example.com:8883     # required; mqtt:// (1883) or mqtts:// (8883)
 *     protocol: 3.1.1        # or 5
 *     client-id: sngw-cloud  # default sngw-NAME
 *     username: user         # overrides the URI's
 *     password-file: /etc/sngw/cloud.pass   # its first line; or password-env: VARIABLE, or password: TEXT
 *     keep-alive: 60s        # whole seconds up to 65535s; 0s: none
 *     clean-session: false
 *     tls:                   # only with mqtts://; files in PEM, read at start
 *       ca-file: /etc/sngw/ca.pem         # absent: the JVM's trusted CAs
 *       cert-file: /etc/sngw/client.pem   # with key-file, for a client certificate
 *       key-file: /etc/sngw/client.key    # PKCS#8, unencrypted
 *       verify-hostname: true
 *     status-topic: $SYS/broker/bridge/cloud/state
 *     outbox: { max-messages: 100000, max-bytes: 16MiB }   # bytes default: heap / 8, at most 64MiB
 *     reconnect: { min: 1s, max: 2m }
 *     topics:                # absent: every local topic out, as published
 *       - pattern: sensors/#     # a topic filter
 *         direction: out         # out, in or both
 *         qos: 1                 # the highest QoS kept; default 2
 *         local-prefix: ""
 *         remote-prefix: site-7/ # so sensors/a goes up as site-7/sensors/a
 * }</pre>
 *
 * Unknown keys, values of the wrong type and values out of range are errors; all of them are
 * reported together in one {@link ConfigException}, each with its dotted path and line.
 */
public final class ConfigFile {
  /** The largest packet MQTT 3.1.1 can frame (remaining length 268,435,455). */
  private static final int MQTT_MAX_PACKET = 268_435_455;

  private ConfigFile() {}

  public static GatewayConfig load(Path file) throws ConfigException {
    return load(file, Map.of());
  }

  /** The file, with any key the environment sets ({@link EnvironmentOverrides}) taken from there instead. */
  public static GatewayConfig load(Path file, Map<String, String> environment) throws ConfigException {
    return read(file.toString(), compose(file), environment);
  }

  /** No file: the embedded defaults, with any key the environment sets taken from there. */
  public static GatewayConfig fromEnvironment(Map<String, String> environment) throws ConfigException {
    return read("environment", null, environment);
  }

  private static GatewayConfig read(String source, Node node, Map<String, String> environment)
      throws ConfigException {
    Problems problems = new Problems();
    EnvironmentOverrides overrides = new EnvironmentOverrides(environment);
    GatewayConfig config = read(YamlSection.root(node, problems, overrides));
    overrides.unused().forEach((variable, closest) -> problems.addFromEnvironment(variable,
        "names no setting" + (Levenshtein.distance(variable, closest) <= 2 ? " (did you mean " + closest + "?)" : "")));
    if (!problems.isEmpty()) {
      throw new ConfigException(source, problems.lines());
    }
    return config;
  }

  /** The node tree only: composing constructs no Java objects, so no tag can instantiate one. */
  private static Node compose(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), List.of("cannot read: " + reason(e)));
    }
    try {
      return new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      throw new ConfigException(file.toString(), List.of(syntaxError(e)));
    } catch (YAMLException e) {
      throw new ConfigException(file.toString(), List.of("invalid YAML: " + firstLine(e)));
    }
  }

  /** What an empty file gives: the embedded defaults, with each transport's own. */
  public static GatewayConfig defaults() {
    return read(YamlSection.root(null, new Problems(), new EnvironmentOverrides(Map.of())));
  }

  private static GatewayConfig read(YamlSection root) {
    GatewayConfig d = GatewayConfig.defaults();
    List<TransportPlan> transports = new ArrayList<>();
    for (TransportProvider provider : ServiceLoader.load(TransportProvider.class)) {
      transports.addAll(provider.read(root));
    }
    List<ExtensionPlan> extensions = new ArrayList<>();
    for (ExtensionProvider provider : ServiceLoader.load(ExtensionProvider.class)) {
      provider.read(root).ifPresent(extensions::add);
    }
    GatewayConfig config =
        new GatewayConfig(
            transports,
            root.value("mqtt", d.mqtt(), ListenAddress::parse),
            root.value("data-dir", d.dataDir(), ConfigValues::path),
            store(root.section("store"), d.store()),
            mqttSn(root.section("mqtt-sn"), d.mqttSn()),
            broker(root.section("broker"), d.broker()),
            root.value("metrics", d.metrics(), text -> Optional.of(ListenAddress.parse(text))),
            BridgeReader.read(root.list("bridges").orElse(List.of())),
            new AccessConfig(
                root.value("password-file", d.access().passwordFile(), ConfigValues::presentReadableFile),
                root.value("allow-anonymous", d.access().allowAnonymous(), text -> Optional.of(ConfigValues.bool(text))),
                root.value("acl-file", d.access().aclFile(), ConfigValues::presentReadableFile)),
            root.has("mqtt-tls") ? mqttTls(root.section("mqtt-tls")) : Optional.empty(),
            extensions)
        .withWebSockets(
            root.value("websocket", d.websocket(), text -> Optional.of(ListenAddress.parse(text))),
            root.has("websocket-tls") ? mqttTls(root.section("websocket-tls")) : Optional.empty());
    root.rejectUnknownKeys();
    return config;
  }

  private static Optional<MqttTlsConfig> mqttTls(YamlSection section) {
    ListenAddress bind = section.required("listen", ListenAddress::parse);
    Path cert = section.required("cert-file", ConfigValues::readableFile);
    Path key = section.required("key-file", ConfigValues::readableFile);
    Optional<Path> ca = section.value("ca-file", Optional.empty(), ConfigValues::presentReadableFile);
    boolean require = section.value("require-certificate", false, ConfigValues::bool);
    boolean identity = section.value("identity-as-username", false, ConfigValues::bool);
    MqttTlsConfig.IdentityName name = section.value("identity-name", MqttTlsConfig.IdentityName.CN, ConfigFile::identityName);
    section.rejectUnknownKeys();
    if ((require || identity) && ca.isEmpty()) {
      section.problem(require ? "require-certificate" : "identity-as-username",
          "needs ca-file, to check client certificates");
    }
    if (bind == null || cert == null || key == null) {
      return Optional.empty();
    }
    return Optional.of(new MqttTlsConfig(bind, cert, key, ca, require, identity, name));
  }

  private static MqttTlsConfig.IdentityName identityName(String text) {
    return switch (text) {
      case "cn" -> MqttTlsConfig.IdentityName.CN;
      case "san" -> MqttTlsConfig.IdentityName.SAN;
      default -> throw new IllegalArgumentException("expected cn or san, got '" + text + "'");
    };
  }

  private static MqttSnConfig mqttSn(YamlSection section, MqttSnConfig d) {
    Map<Integer, String> topics = new HashMap<>(d.predefinedTopics());
    topics.putAll(
        section.section("predefined-topics").map(ConfigValues::topicId, ConfigValues::topicName));
    MqttSnConfig config =
        new MqttSnConfig(
            section.value("gateway-id", d.gatewayId(), ConfigValues::gatewayId),
            topics,
            section.value("retry-interval", d.retryInterval(), ConfigValues::positiveDuration),
            section.value("retry-count", d.retryCount(), ConfigValues.between(1, 100)),
            section.value(
                "max-topics-per-client",
                d.maxTopicsPerClient(),
                ConfigValues.between(1, ConfigValues.MAX_TOPIC_ID)),
            section.value(
                "max-pending-per-client", d.maxPendingPerClient(), ConfigValues.between(1, Integer.MAX_VALUE)),
            section.value("advertise-interval", d.advertiseInterval(), ConfigValues::advertiseInterval),
            section.value("max-sessions", d.maxSessions(), ConfigValues.between(1, Integer.MAX_VALUE)),
            section.value(
                "max-sessions-per-transport", d.maxSessionsPerTransport(), ConfigValues.between(1, Integer.MAX_VALUE)),
            section.value("qos-minus-one", d.qosMinusOne(), ConfigValues::bool),
            allowlist(section, d.allowlist()),
            section.value("sensor-topics", d.sensorTopics(), ConfigFile::topicPatterns));
    section.rejectUnknownKeys();
    return config;
  }

  private static SensorAllowlist allowlist(YamlSection section, SensorAllowlist d) {
    List<SensorAllowlist.Entry> entries = new ArrayList<>();
    for (YamlSection entry : section.list("allowlist").orElse(List.of())) {
      String clientId = entry.required("client-id", text -> text);
      Optional<String> address = entry.value("address", Optional.empty(), ConfigFile::sensorAddress);
      Set<String> mqttUsers = entry.value("mqtt-users", Set.of(), ConfigFile::names);
      entry.rejectUnknownKeys();
      if (clientId != null) {
        entries.add(new SensorAllowlist.Entry(clientId, address, mqttUsers));
      }
    }
    boolean ignore = section.value("unlisted", d.ignoreUnlisted(), ConfigFile::ignoreUnlisted);
    return new SensorAllowlist(entries, ignore);
  }

  /** Comma-separated topic filters, each possibly naming its client with %c. */
  private static List<TopicPattern> topicPatterns(String text) {
    List<TopicPattern> patterns = Arrays.stream(text.split(",")).map(String::strip).filter(p -> !p.isEmpty())
        .map(TopicPattern::new).toList();
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("expected one or more topic filters separated by commas");
    }
    return patterns;
  }

  /** A comma-separated list of names, such as users. */
  private static Set<String> names(String text) {
    Set<String> names = Arrays.stream(text.split(",")).map(String::strip).filter(n -> !n.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
    if (names.isEmpty()) {
      throw new IllegalArgumentException("expected one or more names separated by commas");
    }
    return names;
  }

  private static Optional<String> sensorAddress(String text) {
    return Optional.of(new SensorAllowlist.Entry("*", Optional.of(text)).address().orElseThrow());
  }

  private static boolean ignoreUnlisted(String text) {
    return switch (text) {
      case "refuse" -> false;
      case "ignore" -> true;
      default -> throw new IllegalArgumentException("expected refuse or ignore, got '" + text + "'");
    };
  }

  private static BrokerConfig broker(YamlSection section, BrokerConfig d) {
    BrokerConfig config =
        new BrokerConfig(
            section.value(
                "max-queued-messages", d.maxQueuedMessages(), ConfigValues.between(1, Integer.MAX_VALUE)),
            // MQTT packet ids are 16 bits, so no more can be in flight at once.
            section.value("mqtt-inflight-window", d.mqttInflightWindow(), ConfigValues.between(1, 65535)),
            section.value("max-message-bytes", d.maxMessageBytes(), ConfigValues.between(1, MQTT_MAX_PACKET)),
            section.value("max-queued-bytes", d.maxQueuedBytes(), ConfigValues::boundBytes),
            section.value("max-store-bytes", d.maxStoreBytes(), ConfigValues::boundBytes),
            section.value("max-connections", d.maxConnections(), ConfigValues.between(1, Integer.MAX_VALUE)),
            section.value(
                "max-pending-connections", d.maxPendingConnections(), ConfigValues.between(1, Integer.MAX_VALUE)),
            section.value("backpressure-hold", d.backpressureHold(), ConfigValues::duration),
            section.value("persistent-session-expiry", d.persistentSessionExpiry(), ConfigValues::positiveDuration),
            section.value("max-queued-total-bytes", d.maxQueuedTotalBytes(), ConfigValues::boundBytes),
            section.value("sys-interval", d.sysInterval(), ConfigValues::sysInterval));
    section.rejectUnknownKeys();
    return config;
  }

  private static StoreConfig store(YamlSection section, StoreConfig d) {
    StoreConfig config = new StoreConfig(
        section.value("persistent", d.persistent(), ConfigValues::bool),
        section.value("recover", d.recover(), ConfigValues::bool));
    section.rejectUnknownKeys();
    return config;
  }

  private static String syntaxError(MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String context = e.getContext() == null ? "" : e.getContext() + ": ";
    String where =
        mark == null
            ? ""
            : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    return "invalid YAML: " + context + e.getProblem() + where;
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "file not found";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    return Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
  }

  private static String firstLine(Exception e) {
    String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
    return message.lines().findFirst().orElse(message);
  }
}
