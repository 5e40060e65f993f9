package org.sngw.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sngw.auth.AccessConfig;
import org.sngw.broker.BrokerConfig;
import org.sngw.sn.gateway.MqttSnConfig;

/**
 * The whole configuration, validated before anything starts.
 *
 * @param transports the ways sensors reach the gateway (UDP, serial ports, BLE, ...), each read by
 *     its transport module's {@link TransportProvider}
 * @param metrics where to serve Prometheus metrics; empty for nowhere (the default)
 * @param bridges upstream brokers; none by default (the gateway connects nowhere unless told to)
 * @param access who may connect to the MQTT listeners and what each client may do
 * @param mqttTls a TLS listener for MQTT beside the plain one; none by default
 * @param extensions what modules add besides transports (status LEDs, a button), each read by its
 *     module's {@link ExtensionProvider}; none by default
 * @param websocket a listener for MQTT over WebSocket; none by default
 * @param websocketTls the same over TLS (wss://); none by default
 * @param status the live status page; off by default
 */
public record GatewayConfig(
    List<TransportPlan> transports,
    ListenAddress mqtt,
    Path dataDir,
    StoreConfig store,
    MqttSnConfig mqttSn,
    BrokerConfig broker,
    Optional<ListenAddress> metrics,
    List<BridgeConfig> bridges,
    AccessConfig access,
    Optional<MqttTlsConfig> mqttTls,
    List<ExtensionPlan> extensions,
    Optional<ListenAddress> websocket,
    Optional<MqttTlsConfig> websocketTls,
    Optional<StatusConfig> status) {
  public GatewayConfig {
    transports = List.copyOf(transports);
    Objects.requireNonNull(mqtt, "mqtt");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(mqttSn, "mqttSn");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(metrics, "metrics");
    bridges = List.copyOf(bridges);
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(mqttTls, "mqttTls");
    extensions = List.copyOf(extensions);
    Objects.requireNonNull(websocket, "websocket");
    Objects.requireNonNull(websocketTls, "websocketTls");
    Objects.requireNonNull(status, "status");
  }

  /** A configuration without WebSocket listeners and status page. */
  public GatewayConfig(List<TransportPlan> transports, ListenAddress mqtt, Path dataDir, StoreConfig store,
      MqttSnConfig mqttSn, BrokerConfig broker, Optional<ListenAddress> metrics, List<BridgeConfig> bridges,
      AccessConfig access, Optional<MqttTlsConfig> mqttTls, List<ExtensionPlan> extensions) {
    this(transports, mqtt, dataDir, store, mqttSn, broker, metrics, bridges, access, mqttTls, extensions,
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A configuration without extensions. */
  public GatewayConfig(List<TransportPlan> transports, ListenAddress mqtt, Path dataDir, StoreConfig store,
      MqttSnConfig mqttSn, BrokerConfig broker, Optional<ListenAddress> metrics, List<BridgeConfig> bridges,
      AccessConfig access, Optional<MqttTlsConfig> mqttTls) {
    this(transports, mqtt, dataDir, store, mqttSn, broker, metrics, bridges, access, mqttTls, List.of());
  }

  /**
   * The embedded defaults of everything but the transports: MQTT on loopback only, where
   * anonymous clients are let in; data in ./data. The transports' defaults are their providers'
   * ({@link ConfigFile#defaults()}). The memory bounds follow this JVM's heap ({@link MemoryDefaults}).
   */
  public static GatewayConfig defaults() {
    return new GatewayConfig(
        List.of(),
        new ListenAddress("127.0.0.1", 1883),
        Path.of("data"),
        StoreConfig.defaults(),
        MqttSnConfig.defaults(),
        brokerDefaults(MemoryDefaults.ofThisJvm()),
        Optional.empty(),
        List.of(),
        AccessConfig.defaults(),
        Optional.empty());
  }

  private static BrokerConfig brokerDefaults(MemoryDefaults memory) {
    return BrokerConfig.defaults()
        .withMaxQueuedTotalBytes(memory.queuedTotalBytes())
        .withMaxStoreBytes(memory.storeBytes());
  }

  public GatewayConfig withTransports(List<TransportPlan> plans) {
    return new GatewayConfig(plans, mqtt, dataDir, store, mqttSn, broker, metrics, bridges, access, mqttTls,
        extensions, websocket, websocketTls, status);
  }

  public GatewayConfig withExtensions(List<ExtensionPlan> plans) {
    return new GatewayConfig(transports, mqtt, dataDir, store, mqttSn, broker, metrics, bridges, access, mqttTls,
        plans, websocket, websocketTls, status);
  }

  public GatewayConfig withWebSockets(Optional<ListenAddress> plain, Optional<MqttTlsConfig> tls) {
    return new GatewayConfig(transports, mqtt, dataDir, store, mqttSn, broker, metrics, bridges, access, mqttTls,
        extensions, plain, tls, status);
  }

  public GatewayConfig withStatus(Optional<StatusConfig> page) {
    return new GatewayConfig(transports, mqtt, dataDir, store, mqttSn, broker, metrics, bridges, access, mqttTls,
        extensions, websocket, websocketTls, page);
  }

  /** The configured transports of one kind, e.g. every serial port. */
  public <T extends TransportPlan> List<T> transports(Class<T> kind) {
    return transports.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
