package org.sngw.homeassistant;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code home-assistant:} in the config file says.
 *
 * @param discoveryPrefix Home Assistant's discovery prefix; configs go to {@code PREFIX/device/ID/config}
 * @param statusTopic where Home Assistant says {@code online} when it starts (its birth message)
 * @param availabilityPrefix each sensor's availability goes to {@code PREFIX/CLIENT-ID/availability}
 * @param sensors the sensors to announce, each with what it measures
 */
public record HomeAssistantConfig(
    String discoveryPrefix, String statusTopic, String availabilityPrefix, List<Sensor> sensors) {
  public static final String DEFAULT_DISCOVERY_PREFIX = "homeassistant";
  public static final String DEFAULT_STATUS_TOPIC = "homeassistant/status";
  public static final String DEFAULT_AVAILABILITY_PREFIX = "sngw";

  public HomeAssistantConfig {
    Objects.requireNonNull(discoveryPrefix, "discoveryPrefix");
    Objects.requireNonNull(statusTopic, "statusTopic");
    Objects.requireNonNull(availabilityPrefix, "availabilityPrefix");
    sensors = List.copyOf(sensors);
  }

  /**
   * One sensor, by the client id it connects with.
   *
   * @param name what Home Assistant shows; the client id when not given
   * @param model the device's model, if told
   */
  public record Sensor(String clientId, String name, Optional<String> model, List<Quantity> quantities) {
    public Sensor {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(model, "model");
      quantities = List.copyOf(quantities);
    }
  }

  /**
   * One thing a sensor measures: a Home Assistant entity of the device.
   *
   * @param key short and unique within the sensor, e.g. {@code temperature}
   * @param stateTopic where the sensor publishes it; {@code sensors/CLIENT-ID/KEY} when not given
   * @param platform Home Assistant's entity platform: {@code sensor} or {@code binary_sensor}
   */
  public record Quantity(String key, String stateTopic, String platform, Optional<String> unit,
      Optional<String> deviceClass, Optional<String> stateClass) {
    public Quantity {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(stateTopic, "stateTopic");
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(deviceClass, "deviceClass");
      Objects.requireNonNull(stateClass, "stateClass");
    }
  }
}
