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
 * read by the {@link TransportProvider}s on the class path, each from its own module, and the
 * hardware's by its {@link ExtensionProvider}. Every key is documented, with its default and range,
 * in the annotated example {@code gateway-app/src/main/dist/sngw.example.yaml} (the README shows
 * it; {@code ExampleConfigTest} keeps it whole and parsing). Any key outside a list may come from
 * the environment instead ({@link EnvironmentOverrides}).
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

  /**
   * Every setting a read of this file asks for, as dotted paths with list items as {@code []}
   * ({@code serial[].device}): with a file that has an item of every list and every optional
   * section, every key the readers know.
   */
  public static Set<String> keysRead(Path file) throws ConfigException {
    Reading reading = new Reading(new EnvironmentOverrides(Map.of()));
    read(file.toString(), compose(file), reading);
    return Set.copyOf(reading.keysRead());
  }

  private static GatewayConfig read(String source, Node node, Map<String, String> environment)
      throws ConfigException {
    return read(source, node, new Reading(new EnvironmentOverrides(environment)));
  }

  private static GatewayConfig read(String source, Node node, Reading reading) throws ConfigException {
    GatewayConfig config = read(YamlSection.root(node, reading));
    Problems problems = reading.problems();
    reading.environment().unused().forEach((variable, closest) -> problems.addFromEnvironment(variable,
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
    return read(YamlSection.root(null, new Reading(new EnvironmentOverrides(Map.of()))));
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
            root.has("websocket-tls") ? mqttTls(root.section("websocket-tls")) : Optional.empty())
        .withStatus(status(root));
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

  /** Off unless the file has a {@code status} section or the environment sets one of its keys. */
  private static Optional<StatusConfig> status(YamlSection root) {
    YamlSection section = root.section("status");
    if (!root.has("status") && !section.setByEnvironment("listen") && !section.setByEnvironment("token")) {
      return Optional.empty();
    }
    ListenAddress listen = section.required("listen", ListenAddress::parse);
    Optional<String> token = section.value("token", Optional.empty(), ConfigFile::statusToken);
    section.rejectUnknownKeys();
    return listen == null ? Optional.empty() : Optional.of(new StatusConfig(listen, token));
  }

  private static Optional<String> statusToken(String text) {
    if (text.length() < StatusConfig.MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException("at least " + StatusConfig.MIN_TOKEN_LENGTH
          + " characters, so it cannot be guessed (e.g. from openssl rand -hex 16)");
    }
    return Optional.of(text);
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
