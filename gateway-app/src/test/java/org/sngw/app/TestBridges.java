package org.sngw.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sngw.auth.AccessConfig;
import org.sngw.config.BridgeConfig;
import org.sngw.config.BridgeConfig.MqttVersion;
import org.sngw.config.BridgeConfig.OutboxLimits;
import org.sngw.config.BridgeConfig.TlsConfig;
import org.sngw.config.GatewayConfig;
import org.sngw.config.TopicRule;
import org.sngw.config.TopicRule.Direction;
import org.sngw.message.Qos;

/**
 * One upstream bridge for in-process tests: reconnects within a second, so an outage ends
 * quickly, and a status topic outside {@code $}, so it is the same topic locally and upstream.
 */
final class TestBridges {
  static final String NAME = "site-7";
  static final String STATUS_TOPIC = "gateways/site-7/status";

  private TestBridges() {}

  static BridgeConfig bridge(URI upstream, List<TopicRule> rules) {
    return bridge(upstream, TlsConfig.defaults(), Optional.empty(), rules);
  }

  static BridgeConfig bridge(URI upstream, TlsConfig tls, Optional<MosquittoBroker.Login> login, List<TopicRule> rules) {
    return bridge(upstream, MqttVersion.V3_1_1, tls, login, rules);
  }

  /** One that speaks MQTT 5 upstream. */
  static BridgeConfig bridge5(URI upstream, List<TopicRule> rules) {
    return bridge(upstream, MqttVersion.V5, TlsConfig.defaults(), Optional.empty(), rules);
  }

  private static BridgeConfig bridge(URI upstream, MqttVersion version, TlsConfig tls,
      Optional<MosquittoBroker.Login> login, List<TopicRule> rules) {
    return new BridgeConfig(NAME, upstream, version, "sngw-" + NAME,
        login.map(MosquittoBroker.Login::user), login.map(MosquittoBroker.Login::password), tls,
        Duration.ofSeconds(10), false, rules, STATUS_TOPIC, OutboxLimits.defaults(),
        Duration.ofMillis(100), Duration.ofSeconds(1));
  }

  /** The loopback test gateway with this one bridge. */
  static GatewayConfig gateway(Path dataDir, BridgeConfig bridge) {
    GatewayConfig loopback = LoopbackConfig.with(dataDir);
    return new GatewayConfig(loopback.transports(), loopback.mqtt(), loopback.dataDir(),
        loopback.store(), loopback.mqttSn(), loopback.broker(), loopback.metrics(), List.of(bridge),
        AccessConfig.defaults(), Optional.empty());
  }

  static TopicRule rule(String pattern, Direction direction, String remotePrefix) {
    return new TopicRule(pattern, direction, Qos.AT_LEAST_ONCE, "", remotePrefix);
  }
}
