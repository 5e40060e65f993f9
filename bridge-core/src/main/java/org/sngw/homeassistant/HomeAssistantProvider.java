package org.sngw.homeassistant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.sngw.config.ExtensionPlan;
import org.sngw.config.ExtensionProvider;
import org.sngw.config.YamlSection;

/**
 * Reads {@code home-assistant:} from the config file; without it nothing is announced. Each
 * sensor to announce is described by its client id and what it measures (keys in
 * {@code sngw.example.yaml}).
 */
public final class HomeAssistantProvider implements ExtensionProvider {
  private static final Set<String> PLATFORMS = Set.of("sensor", "binary_sensor");

  @Override
  public Optional<ExtensionPlan> read(YamlSection root) {
    if (!root.has("home-assistant")) {
      return Optional.empty();
    }
    YamlSection section = root.section("home-assistant");
    String prefix = section.value("discovery-prefix", HomeAssistantConfig.DEFAULT_DISCOVERY_PREFIX, HomeAssistantProvider::topicLevels);
    String status = section.value("status-topic", HomeAssistantConfig.DEFAULT_STATUS_TOPIC, HomeAssistantProvider::topicLevels);
    String availability = section.value("availability-prefix", HomeAssistantConfig.DEFAULT_AVAILABILITY_PREFIX,
        HomeAssistantProvider::topicLevels);
    List<HomeAssistantConfig.Sensor> sensors = new ArrayList<>();
    Set<String> clientIds = new HashSet<>();
    for (YamlSection item : section.list("sensors").orElse(List.of())) {
      HomeAssistantConfig.Sensor sensor = sensor(item);
      if (sensor != null && !clientIds.add(sensor.clientId())) {
        item.problem("client-id", "described twice");
      } else if (sensor != null) {
        sensors.add(sensor);
      }
    }
    section.rejectUnknownKeys();
    return Optional.of(context -> new HomeAssistantDiscovery(
        new HomeAssistantConfig(prefix, status, availability, sensors), context));
  }

  private static HomeAssistantConfig.Sensor sensor(YamlSection item) {
    String clientId = item.required("client-id", Function.identity());
    String name = item.value("name", clientId, Function.identity());
    Optional<String> model = item.value("model", Optional.empty(), Optional::of);
    List<HomeAssistantConfig.Quantity> quantities = new ArrayList<>();
    for (YamlSection quantity : item.list("quantities").orElse(List.of())) {
      String key = quantity.required("key", HomeAssistantProvider::key);
      String stateTopic = quantity.value("state-topic", "sensors/" + clientId + "/" + key, HomeAssistantProvider::topicLevels);
      String platform = quantity.value("platform", "sensor", HomeAssistantProvider::platform);
      Optional<String> unit = quantity.value("unit", Optional.empty(), Optional::of);
      Optional<String> deviceClass = quantity.value("device-class", Optional.empty(), Optional::of);
      Optional<String> stateClass = quantity.value("state-class", Optional.empty(), Optional::of);
      quantity.rejectUnknownKeys();
      if (key != null) {
        quantities.add(new HomeAssistantConfig.Quantity(key, stateTopic, platform, unit, deviceClass, stateClass));
      }
    }
    item.rejectUnknownKeys();
    if (clientId == null) {
      return null;
    }
    if (quantities.isEmpty()) {
      item.problem("quantities", "required: what the sensor measures, at least one");
      return null;
    }
    return new HomeAssistantConfig.Sensor(clientId, name, model, quantities);
  }

  /** A topic name without wildcards, as prefixes and state topics must be. */
  private static String topicLevels(String text) {
    if (text.isEmpty() || text.contains("+") || text.contains("#")) {
      throw new IllegalArgumentException("expected a topic name without + or #, got '" + text + "'");
    }
    return text;
  }

  private static String key(String text) {
    if (!text.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("expected lower-case letters, digits and _, got '" + text + "'");
    }
    return text;
  }

  private static String platform(String text) {
    if (!PLATFORMS.contains(text)) {
      throw new IllegalArgumentException("expected sensor or binary_sensor, got '" + text + "'");
    }
    return text;
  }
}
