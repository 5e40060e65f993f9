package org.sngw.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sngw.broker.BrokerConfig;
import org.sngw.sn.gateway.MqttSnConfig;

/**
 * The whole configuration, validated before anything starts.
 *
 * @param udpBroadcast where the UDP transport broadcasts (ADVERTISE); empty (the default) for
 *     nowhere, so the gateway sends only replies
 * @param metrics where to serve Prometheus metrics; empty for nowhere (the default)
 * @param bridges upstream brokers; none by default (the gateway connects nowhere unless told to)
 * @param serialPorts serial ports with sensors; none by default
 * @param ble Bluetooth LE sensors; off by default
 */
public record GatewayConfig(
    ListenAddress udp,
    Optional<ListenAddress> udpBroadcast,
    ListenAddress mqtt,
    Path dataDir,
    StoreConfig store,
    MqttSnConfig mqttSn,
    BrokerConfig broker,
    Optional<ListenAddress> metrics,
    List<BridgeConfig> bridges,
    List<SerialPortConfig> serialPorts,
    Optional<BleConfig> ble) {
  public GatewayConfig {
    Objects.requireNonNull(udp, "udp");
    Objects.requireNonNull(udpBroadcast, "udpBroadcast");
    Objects.requireNonNull(mqtt, "mqtt");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(mqttSn, "mqttSn");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(metrics, "metrics");
    bridges = List.copyOf(bridges);
    serialPorts = List.copyOf(serialPorts);
    Objects.requireNonNull(ble, "ble");
  }

  /** The embedded defaults: every listener on all interfaces, data in ./data. */
  public static GatewayConfig defaults() {
    return new GatewayConfig(
        new ListenAddress("0.0.0.0", 1884),
        Optional.empty(),
        new ListenAddress("0.0.0.0", 1883),
        Path.of("data"),
        StoreConfig.defaults(),
        MqttSnConfig.defaults(),
        BrokerConfig.defaults(),
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.empty());
  }
}
