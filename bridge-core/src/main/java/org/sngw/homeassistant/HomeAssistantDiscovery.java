package org.sngw.homeassistant;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sngw.events.GatewayEvents;
import org.sngw.runtime.Extension;
import org.sngw.runtime.ExtensionContext;

/**
 * Announces the described sensors to Home Assistant once the gateway has started, again whenever
 * Home Assistant's birth message says {@code online}, and keeps each sensor's availability topic
 * in step with its session: {@code online} from its CONNECT, through its sleeps, until it is lost
 * or disconnects. A device of ours that is no longer described (its config message still
 * retained from an earlier run) is removed with an empty retained config.
 */
final class HomeAssistantDiscovery implements Extension, GatewayEvents {
  static final String ONLINE = "online";
  static final String OFFLINE = "offline";

  private final HomeAssistantConfig config;
  private final ExtensionContext context;
  private final Map<String, HomeAssistantConfig.Sensor> byClientId;
  private final Set<String> described;
  private final Set<String> online = ConcurrentHashMap.newKeySet();

  HomeAssistantDiscovery(HomeAssistantConfig config, ExtensionContext context) {
    this.config = config;
    this.context = context;
    this.byClientId = config.sensors().stream()
        .collect(Collectors.toUnmodifiableMap(HomeAssistantConfig.Sensor::clientId, Function.identity()));
    this.described = config.sensors().stream()
        .map(sensor -> DeviceDiscovery.objectId(sensor.clientId())).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public GatewayEvents events() {
    return this;
  }

  @Override
  public void started() {
    announceAll();
    context.subscriber().subscribe("home-assistant", config.statusTopic(), (topic, payload) -> {
      if (ONLINE.equals(new String(payload, StandardCharsets.UTF_8).strip())) {
        announceAll();
      }
    });
    context.subscriber().subscribe("home-assistant-devices", DeviceDiscovery.topic(config.discoveryPrefix(), "+"),
        this::removeIfNoLongerDescribed);
  }

  @Override
  public void sensorConnected(String clientId) {
    if (byClientId.containsKey(clientId) && online.add(clientId)) {
      availability(clientId, ONLINE);
    }
  }

  @Override
  public void sensorLost(String clientId) {
    offline(clientId);
  }

  @Override
  public void sensorDisconnected(String clientId) {
    offline(clientId);
  }

  @Override
  public void close() {
    // Nothing of its own to release: its session ends with the broker.
  }

  private void offline(String clientId) {
    if (online.remove(clientId)) {
      availability(clientId, OFFLINE);
    }
  }

  private void announceAll() {
    for (HomeAssistantConfig.Sensor sensor : config.sensors()) {
      context.status().publishRetained(DeviceDiscovery.topic(config.discoveryPrefix(),
          DeviceDiscovery.objectId(sensor.clientId())), DeviceDiscovery.message(config, sensor));
      availability(sensor.clientId(), online.contains(sensor.clientId()) ? ONLINE : OFFLINE);
    }
  }

  private void availability(String clientId, String state) {
    context.status().publishRetained(DeviceDiscovery.availabilityTopic(config, byClientId.get(clientId)), state);
  }

  /** A retained config of ours for a sensor the config no longer describes: emptied, which removes it. */
  private void removeIfNoLongerDescribed(String topic, byte[] payload) {
    String objectId = topic.substring(config.discoveryPrefix().length() + "/device/".length(),
        topic.length() - "/config".length());
    if (payload.length > 0 && objectId.startsWith(DeviceDiscovery.ID_PREFIX) && !described.contains(objectId)) {
      context.status().publishRetained(topic, "");
    }
  }
}
