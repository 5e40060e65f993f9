package org.sngw.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sngw.auth.AccessConfig;
import org.sngw.broker.BrokerConfig;
import org.sngw.config.GatewayConfig;
import org.sngw.config.ListenAddress;
import org.sngw.sn.gateway.MqttSnConfig;
import org.sngw.transport.udp.UdpSettings;

/** Gateway settings for in-process tests: the defaults, on random ports of 127.0.0.1 only. */
final class LoopbackConfig {
  private LoopbackConfig() {}

  static GatewayConfig with(Path dataDir, MqttSnConfig mqttSn) {
    GatewayConfig defaults = GatewayConfig.defaults();
    return new GatewayConfig(List.of(UdpSettings.on(new ListenAddress("127.0.0.1", 0))), new ListenAddress("127.0.0.1", 0),
        dataDir, defaults.store(), mqttSn, defaults.broker(), Optional.empty(), List.of(), AccessConfig.defaults(), Optional.empty());
  }

  /** With the broker's limits given, and Prometheus metrics served on a random port of 127.0.0.1 too. */
  static GatewayConfig withMetrics(Path dataDir, BrokerConfig broker) {
    GatewayConfig loopback = with(dataDir);
    return new GatewayConfig(loopback.transports(), loopback.mqtt(), dataDir, loopback.store(),
        loopback.mqttSn(), broker, Optional.of(new ListenAddress("127.0.0.1", 0)), List.of(), AccessConfig.defaults(), Optional.empty());
  }

  static GatewayConfig with(Path dataDir) {
    return with(dataDir, MqttSnConfig.defaults());
  }
}
