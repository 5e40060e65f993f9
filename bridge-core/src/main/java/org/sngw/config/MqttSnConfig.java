package org.sngw.config;

import java.time.Duration;
import java.util.Map;

/**
 * MQTT-SN gateway settings.
 *
 * @param gatewayId the id in GWINFO and ADVERTISE (1..255)
 * @param predefinedTopics topic ids every client may use without REGISTER
 * @param retryInterval Tretry: how long to wait for an answer before resending
 * @param retryCount Nretry: resends before a silent client is lost
 * @param maxTopicsPerClient topic registrations one client may hold; REGISTER beyond is refused
 * @param maxPendingPerClient QoS 0 messages buffered per client while it waits for REGACK or sleeps
 */
public record MqttSnConfig(
    int gatewayId,
    Map<Integer, String> predefinedTopics,
    Duration retryInterval,
    int retryCount,
    int maxTopicsPerClient,
    int maxPendingPerClient) {
  public MqttSnConfig {
    predefinedTopics = Map.copyOf(predefinedTopics);
  }

  public static MqttSnConfig defaults() {
    return new MqttSnConfig(1, Map.of(), Duration.ofSeconds(10), 3, 1000, 100);
  }

  public MqttSnConfig withPredefinedTopics(Map<Integer, String> topics) {
    return new MqttSnConfig(gatewayId, topics, retryInterval, retryCount, maxTopicsPerClient, maxPendingPerClient);
  }
}
