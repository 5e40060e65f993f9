package org.sngw.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sngw.broker.topic.Topics;
import org.sngw.config.BridgeConfig.MqttVersion;
import org.sngw.config.BridgeConfig.OutboxLimits;
import org.sngw.config.BridgeConfig.TlsConfig;
import org.sngw.config.TopicRule.Direction;
import org.sngw.message.Qos;

/**
 * Reads the {@code bridges:} list of the config file. A bridge with problems is left out of the
 * result; its problems make the whole file fail, so the gateway never starts with part of it.
 */
final class BridgeReader {
  /** MQTT sends the keep-alive as 16 bits of seconds. */
  private static final Duration MAX_KEEP_ALIVE = Duration.ofSeconds(0xFFFF);

  private BridgeReader() {}

  static List<BridgeConfig> read(List<YamlSection> sections) {
    List<BridgeConfig> bridges = new ArrayList<>();
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < sections.size(); i++) {
      YamlSection section = sections.get(i);
      Optional<BridgeConfig> bridge = bridge(section);
      if (bridge.isEmpty()) {
        continue;
      }
      Integer first = firstIndex.putIfAbsent(bridge.get().name(), i);
      if (first != null) {
        section.problem("name", "'" + bridge.get().name() + "' is taken by bridges[" + first + "]");
      }
      bridges.add(bridge.get());
    }
    return bridges;
  }

  private static Optional<BridgeConfig> bridge(YamlSection s) {
    String name = s.required("name", ConfigValues::bridgeName);
    UpstreamUri upstream = s.required("uri", UpstreamUri::parse);
    MqttVersion version = s.value("protocol", BridgeConfig.DEFAULT_VERSION, BridgeReader::version);
    Optional<String> clientId = s.value("client-id", Optional.empty(), BridgeReader::clientId);
    Optional<String> username = s.value("username", Optional.empty(), Optional::of);
    Optional<String> password = password(s);
    Duration keepAlive = s.value("keep-alive", BridgeConfig.DEFAULT_KEEP_ALIVE, BridgeReader::keepAlive);
    boolean cleanSession = s.value("clean-session", false, ConfigValues::bool);
    TlsConfig tls = tls(s.section("tls"));
    Optional<String> statusTopic = s.value("status-topic", Optional.empty(), BridgeReader::statusTopic);
    OutboxLimits outbox = outbox(s.section("outbox"));
    Reconnect reconnect = reconnect(s.section("reconnect"));
    Optional<List<YamlSection>> topics = s.list("topics");
    if (topics.isPresent() && topics.get().isEmpty()) {
      s.problem("topics", "must not be empty; leave it out to forward everything out");
    }
    List<TopicRule> rules = topics.map(BridgeReader::rules).orElse(BridgeConfig.forwardEverything());
    s.rejectUnknownKeys();
    if (upstream == null || name == null) {
      return Optional.empty();
    }
    if (s.has("tls") && !upstream.usesTls()) {
      s.problem("tls", "only for mqtts:// URIs");
    }
    username = username.or(upstream::username);
    password = password.or(upstream::password);
    if (version == MqttVersion.V3_1_1 && password.isPresent() && username.isEmpty()) {
      s.problem("password", "MQTT 3.1.1 sends a password only with a username");
    }
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new BridgeConfig(
            name,
            upstream.uri(),
            version,
            clientId.orElse(BridgeConfig.defaultClientId(name)),
            username,
            password,
            tls,
            keepAlive,
            cleanSession,
            rules,
            statusTopic.orElse(BridgeConfig.defaultStatusTopic(name)),
            outbox,
            reconnect.min(),
            reconnect.max()));
  }

  /** One of password, password-file (its first line) and password-env (a variable's value). */
  private static Optional<String> password(YamlSection s) {
    List<Optional<String>> given = List.of(
        s.value("password", Optional.empty(), Optional::of),
        s.value("password-file", Optional.empty(), text -> Optional.of(ConfigValues.secretFile(text))),
        s.value("password-env", Optional.empty(),
            name -> Optional.of(ConfigValues.secretVariable(name, System.getenv()))));
    if (given.stream().filter(Optional::isPresent).count() > 1) {
      s.problem("password", "give one of password, password-file and password-env");
    }
    return given.stream().flatMap(Optional::stream).findFirst();
  }

  private static TlsConfig tls(YamlSection s) {
    TlsConfig d = TlsConfig.defaults();
    TlsConfig tls =
        new TlsConfig(
            s.value("ca-file", d.caFile(), BridgeReader::file),
            s.value("cert-file", d.certFile(), BridgeReader::file),
            s.value("key-file", d.keyFile(), BridgeReader::file),
            s.value("verify-hostname", d.verifyHostname(), ConfigValues::bool));
    s.rejectUnknownKeys();
    // Judged by the keys, not the values, so an unreadable file is not also called missing.
    if (s.has("cert-file") && !s.has("key-file")) {
      s.problem("cert-file", "needs key-file too");
    } else if (s.has("key-file") && !s.has("cert-file")) {
      s.problem("key-file", "needs cert-file too");
    }
    return tls;
  }

  private static OutboxLimits outbox(YamlSection s) {
    OutboxLimits d = OutboxLimits.defaults();
    OutboxLimits outbox =
        new OutboxLimits(
            s.value("max-messages", d.maxMessages(), ConfigValues.between(1, Integer.MAX_VALUE)),
            s.value("max-bytes", d.maxBytes(), ConfigValues::boundBytes));
    s.rejectUnknownKeys();
    return outbox;
  }

  private record Reconnect(Duration min, Duration max) {}

  private static Reconnect reconnect(YamlSection s) {
    Duration min = s.value("min", BridgeConfig.DEFAULT_RECONNECT_MIN, ConfigValues::positiveDuration);
    Duration max = s.value("max", BridgeConfig.DEFAULT_RECONNECT_MAX, ConfigValues::positiveDuration);
    s.rejectUnknownKeys();
    if (min.compareTo(max) > 0) {
      s.problem("min", "must not be more than max, which is "
          + BridgeConfig.DEFAULT_RECONNECT_MAX.toMinutes() + "m unless set");
    }
    return new Reconnect(min, max);
  }

  private static List<TopicRule> rules(List<YamlSection> sections) {
    List<TopicRule> rules = new ArrayList<>();
    for (YamlSection s : sections) {
      rule(s).ifPresent(rules::add);
    }
    return rules;
  }

  private static Optional<TopicRule> rule(YamlSection s) {
    String pattern = s.required("pattern", BridgeReader::filter);
    Direction direction = s.value("direction", Direction.OUT, BridgeReader::direction);
    Qos qos = s.value("qos", Qos.EXACTLY_ONCE, text -> Qos.of(ConfigValues.integer(text, 0, 2)));
    String localPrefix = s.value("local-prefix", "", BridgeReader::prefix);
    String remotePrefix = s.value("remote-prefix", "", BridgeReader::prefix);
    s.rejectUnknownKeys();
    if (pattern == null) {
      return Optional.empty();
    }
    TopicRule rule = new TopicRule(pattern, direction, qos, localPrefix, remotePrefix);
    checkPrefixed(s, "local-prefix", rule.localFilter());
    checkPrefixed(s, "remote-prefix", rule.remoteFilter());
    return Optional.of(rule);
  }

  private static void checkPrefixed(YamlSection s, String key, String filter) {
    if (!Topics.isValidFilter(filter)) {
      s.problem(key, "with the pattern makes '" + filter + "', not a valid topic filter");
    }
  }

  private static MqttVersion version(String text) {
    return switch (text) {
      case "3.1.1" -> MqttVersion.V3_1_1;
      case "5" -> MqttVersion.V5;
      default -> throw new IllegalArgumentException("expected 3.1.1 or 5, got '" + text + "'");
    };
  }

  private static Optional<String> clientId(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return Optional.of(text);
  }

  private static Duration keepAlive(String text) {
    Duration keepAlive = ConfigValues.duration(text);
    if (keepAlive.toNanosPart() != 0 || keepAlive.compareTo(MAX_KEEP_ALIVE) > 0) {
      throw new IllegalArgumentException(
          "must be whole seconds up to " + MAX_KEEP_ALIVE.toSeconds() + "s, or 0s for none, was " + text);
    }
    return keepAlive;
  }

  private static Optional<Path> file(String text) {
    return Optional.of(ConfigValues.readableFile(text));
  }

  private static Optional<String> statusTopic(String text) {
    if (!Topics.isValidName(text)) {
      throw new IllegalArgumentException("expected a topic name without + or #, got '" + text + "'");
    }
    return Optional.of(text);
  }

  private static String filter(String text) {
    if (!Topics.isValidFilter(text)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a valid topic filter (+ and # only as whole levels, # only last)");
    }
    return text;
  }

  private static Direction direction(String text) {
    return switch (text) {
      case "out" -> Direction.OUT;
      case "in" -> Direction.IN;
      case "both" -> Direction.BOTH;
      default -> throw new IllegalArgumentException("expected out, in or both, got '" + text + "'");
    };
  }

  private static String prefix(String text) {
    if (text.indexOf('+') >= 0 || text.indexOf('#') >= 0) {
      throw new IllegalArgumentException("must not contain wildcards + or #, got '" + text + "'");
    }
    return text;
  }
}
