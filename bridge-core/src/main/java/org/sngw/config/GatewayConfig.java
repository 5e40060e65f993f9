package org.sngw.config;

import java.nio.file.Path;
import java.util.Objects;

/** The whole configuration, validated before anything starts. */
public record GatewayConfig(
    ListenAddress udp, ListenAddress mqtt, Path dataDir, MqttSnConfig mqttSn, BrokerConfig broker) {
  public GatewayConfig {
    Objects.requireNonNull(udp, "udp");
    Objects.requireNonNull(mqtt, "mqtt");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(mqttSn, "mqttSn");
    Objects.requireNonNull(broker, "broker");
  }

  /** The embedded defaults: every listener on all interfaces, data in ./data. */
  public static GatewayConfig defaults() {
    return new GatewayConfig(
        new ListenAddress("0.0.0.0", 1884),
        new ListenAddress("0.0.0.0", 1883),
        Path.of("data"),
        MqttSnConfig.defaults(),
        BrokerConfig.defaults());
  }
}
