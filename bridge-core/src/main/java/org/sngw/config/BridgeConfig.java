package org.sngw.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sngw.message.Qos;

/**
 * One upstream broker the gateway forwards to and takes commands from.
 *
 * @param name short unique name, used in logs, metrics, the default status topic and the local
 *     outbox session ({@code $bridge/<name>})
 * @param uri {@code mqtt://host[:port]} (default port 1883) or {@code mqtts://host[:port]} (8883);
 *     user info in the URI is moved to {@code username}/{@code password} by the parser
 * @param clientId the client id at the upstream broker
 * @param keepAlive MQTT keep-alive towards the upstream broker
 * @param cleanSession false keeps the upstream session (and its queued commands) across reconnects
 * @param rules what goes out and comes in; never empty (the default forwards everything out)
 * @param statusTopic retained "connected"/"disconnected", locally and upstream (with an upstream
 *     will)
 * @param outbox bounds of what waits for the upstream while it is unreachable
 * @param reconnectMin first retry delay after the upstream went away
 * @param reconnectMax largest retry delay (delays double from the first, with jitter)
 */
public record BridgeConfig(
    String name,
    URI uri,
    MqttVersion version,
    String clientId,
    Optional<String> username,
    Optional<String> password,
    TlsConfig tls,
    Duration keepAlive,
    boolean cleanSession,
    List<TopicRule> rules,
    String statusTopic,
    OutboxLimits outbox,
    Duration reconnectMin,
    Duration reconnectMax) {
  public static final MqttVersion DEFAULT_VERSION = MqttVersion.V3_1_1;
  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(60);
  public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofMinutes(2);

  /** Everything but the password, which no log line or error message may show. */
  @Override
  public String toString() {
    return "BridgeConfig[name=" + name + ", uri=" + uri + ", version=" + version + ", clientId=" + clientId
        + ", username=" + username + ", password=" + password.map(secret -> "***") + ", tls=" + tls
        + ", keepAlive=" + keepAlive + ", cleanSession=" + cleanSession + ", rules=" + rules + ", statusTopic="
        + statusTopic + ", outbox=" + outbox + ", reconnectMin=" + reconnectMin + ", reconnectMax=" + reconnectMax
        + "]";
  }

  public BridgeConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(keepAlive, "keepAlive");
    rules = List.copyOf(rules);
    Objects.requireNonNull(statusTopic, "statusTopic");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(reconnectMin, "reconnectMin");
    Objects.requireNonNull(reconnectMax, "reconnectMax");
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("a bridge needs at least one topic rule");
    }
  }

  /**
   * A bridge to {@code upstream} with everything else at its default: MQTT 3.1.1, client id
   * {@code sngw-<name>}, a kept session, every local topic out, TLS with the JVM's trusted CAs and
   * hostname verification.
   */
  public static BridgeConfig defaults(String name, UpstreamUri upstream) {
    return new BridgeConfig(
        name,
        upstream.uri(),
        DEFAULT_VERSION,
        defaultClientId(name),
        upstream.username(),
        upstream.password(),
        TlsConfig.defaults(),
        DEFAULT_KEEP_ALIVE,
        false,
        forwardEverything(),
        defaultStatusTopic(name),
        OutboxLimits.defaults(),
        DEFAULT_RECONNECT_MIN,
        DEFAULT_RECONNECT_MAX);
  }

  public boolean usesTls() {
    return "mqtts".equals(uri.getScheme());
  }

  public String host() {
    return uri.getHost();
  }

  public int port() {
    return uri.getPort() > 0 ? uri.getPort() : usesTls() ? 8883 : 1883;
  }

  /** The rule used when none are configured: every local topic out, with its own QoS and retain flag. */
  public static List<TopicRule> forwardEverything() {
    return List.of(new TopicRule("#", TopicRule.Direction.OUT, Qos.EXACTLY_ONCE, "", ""));
  }

  public static String defaultClientId(String name) {
    return "sngw-" + name;
  }

  public static String defaultStatusTopic(String name) {
    return "$SYS/broker/bridge/" + name + "/state";
  }

  public enum MqttVersion {
    V3_1_1,
    V5
  }

  /**
   * TLS for {@code mqtts://}: files in PEM. No CA file: the JVM's trusted CAs. A client certificate
   * needs its key (PKCS#8, unencrypted).
   */
  public record TlsConfig(
      Optional<Path> caFile,
      Optional<Path> certFile,
      Optional<Path> keyFile,
      boolean verifyHostname) {
    public static TlsConfig defaults() {
      return new TlsConfig(Optional.empty(), Optional.empty(), Optional.empty(), true);
    }
  }

  /**
   * The store-and-forward outbox: when full, the oldest QoS 0 message goes, then new ones are
   * refused. Its bytes by default follow the heap ({@link MemoryDefaults}).
   */
  public record OutboxLimits(int maxMessages, long maxBytes) {
    public static OutboxLimits defaults() {
      return new OutboxLimits(100_000, MemoryDefaults.ofThisJvm().outboxBytes());
    }
  }
}
