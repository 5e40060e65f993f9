package org.sngw.sn.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sngw.broker.TopicPattern;

/**
 * MQTT-SN gateway settings.
 *
 * @param gatewayId the id in GWINFO and ADVERTISE (1..255); gateways serving one network need
 *     different ids
 * @param predefinedTopics topic ids every client may use without REGISTER
 * @param retryInterval Tretry: how long to wait for an answer before resending
 * @param retryCount Nretry: resends before a silent client is lost
 * @param maxTopicsPerClient topic registrations one client may hold; REGISTER beyond is refused
 * @param maxPendingPerClient QoS 0 messages buffered per client while it waits for REGACK or sleeps
 * @param advertiseInterval how often to broadcast ADVERTISE, in whole seconds; empty (the default)
 *     for never
 * @param maxSessions sensors with a session at once, over all transports; a CONNECT beyond gets
 *     CONNACK "rejected: congestion"
 * @param maxSessionsPerTransport the same for one transport, so a flood on one (UDP) cannot take the
 *     room the others' sensors need
 * @param qosMinusOne whether PUBLISH with QoS -1 (no connection, from anyone who can send a datagram)
 *     is accepted; off by default, as in EMQX and Paho, since it has no client to authenticate
 * @param allowlist which sensors may connect; by default any
 * @param sensorTopics where sensors may publish, subscribe and receive ({@code %c}: the client id);
 *     by default anywhere but the gateway's {@code $} topics
 */
public record MqttSnConfig(
    int gatewayId,
    Map<Integer, String> predefinedTopics,
    Duration retryInterval,
    int retryCount,
    int maxTopicsPerClient,
    int maxPendingPerClient,
    Optional<Duration> advertiseInterval,
    int maxSessions,
    int maxSessionsPerTransport,
    boolean qosMinusOne,
    SensorAllowlist allowlist,
    List<TopicPattern> sensorTopics) {
  public static final int DEFAULT_MAX_SESSIONS = 10_000;
  public static final int DEFAULT_MAX_SESSIONS_PER_TRANSPORT = 5_000;

  public MqttSnConfig {
    predefinedTopics = Map.copyOf(predefinedTopics);
    Objects.requireNonNull(advertiseInterval, "advertiseInterval");
    Objects.requireNonNull(allowlist, "allowlist");
    sensorTopics = List.copyOf(sensorTopics);
  }

  /** Settings with the default session limits. */
  public MqttSnConfig(
      int gatewayId,
      Map<Integer, String> predefinedTopics,
      Duration retryInterval,
      int retryCount,
      int maxTopicsPerClient,
      int maxPendingPerClient,
      Optional<Duration> advertiseInterval) {
    this(gatewayId, predefinedTopics, retryInterval, retryCount, maxTopicsPerClient, maxPendingPerClient,
        advertiseInterval, DEFAULT_MAX_SESSIONS, DEFAULT_MAX_SESSIONS_PER_TRANSPORT, false, SensorAllowlist.OPEN,
        SensorTopics.ANY);
  }

  /** Settings without ADVERTISE, with the default session limits. */
  public MqttSnConfig(
      int gatewayId,
      Map<Integer, String> predefinedTopics,
      Duration retryInterval,
      int retryCount,
      int maxTopicsPerClient,
      int maxPendingPerClient) {
    this(gatewayId, predefinedTopics, retryInterval, retryCount, maxTopicsPerClient, maxPendingPerClient,
        Optional.empty());
  }

  public static MqttSnConfig defaults() {
    return new MqttSnConfig(1, Map.of(), Duration.ofSeconds(10), 3, 1000, 100);
  }

  public MqttSnConfig withPredefinedTopics(Map<Integer, String> topics) {
    return new MqttSnConfig(gatewayId, topics, retryInterval, retryCount, maxTopicsPerClient, maxPendingPerClient,
        advertiseInterval, maxSessions, maxSessionsPerTransport, qosMinusOne, allowlist, sensorTopics);
  }

  public MqttSnConfig withGatewayId(int id) {
    return new MqttSnConfig(id, predefinedTopics, retryInterval, retryCount, maxTopicsPerClient, maxPendingPerClient,
        advertiseInterval, maxSessions, maxSessionsPerTransport, qosMinusOne, allowlist, sensorTopics);
  }

  public MqttSnConfig withAdvertiseInterval(Optional<Duration> interval) {
    return new MqttSnConfig(gatewayId, predefinedTopics, retryInterval, retryCount, maxTopicsPerClient,
        maxPendingPerClient, interval, maxSessions, maxSessionsPerTransport, qosMinusOne, allowlist, sensorTopics);
  }

  public MqttSnConfig withSessionLimits(int total, int perTransport) {
    return new MqttSnConfig(gatewayId, predefinedTopics, retryInterval, retryCount, maxTopicsPerClient,
        maxPendingPerClient, advertiseInterval, total, perTransport, qosMinusOne, allowlist, sensorTopics);
  }

  public MqttSnConfig withQosMinusOne(boolean accepted) {
    return new MqttSnConfig(gatewayId, predefinedTopics, retryInterval, retryCount, maxTopicsPerClient,
        maxPendingPerClient, advertiseInterval, maxSessions, maxSessionsPerTransport, accepted, allowlist, sensorTopics);
  }

  public MqttSnConfig withSensorTopics(List<TopicPattern> patterns) {
    return new MqttSnConfig(gatewayId, predefinedTopics, retryInterval, retryCount, maxTopicsPerClient,
        maxPendingPerClient, advertiseInterval, maxSessions, maxSessionsPerTransport, qosMinusOne, allowlist, patterns);
  }

  public MqttSnConfig withAllowlist(SensorAllowlist sensors) {
    return new MqttSnConfig(gatewayId, predefinedTopics, retryInterval, retryCount, maxTopicsPerClient,
        maxPendingPerClient, advertiseInterval, maxSessions, maxSessionsPerTransport, qosMinusOne, sensors, sensorTopics);
  }
}
