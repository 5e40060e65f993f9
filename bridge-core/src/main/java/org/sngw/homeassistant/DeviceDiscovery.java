package org.sngw.homeassistant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sngw.json.Json;

/**
 * The discovery message of one sensor in Home Assistant's device-based schema: the device
 * ({@code dev}), who announces it ({@code o}), its availability topic, and one component per
 * quantity ({@code cmps}: platform, unique id, state topic, unit, device and state class), so a
 * sensor with several readings is one device with several entities. Retained on
 * {@code PREFIX/device/OBJECT-ID/config}; an empty retained message there removes the device.
 */
final class DeviceDiscovery {
  /** What every object id and unique id of ours starts with, so ours are told from others'. */
  static final String ID_PREFIX = "sngw_";
  static final String ORIGIN = "sngw";

  private DeviceDiscovery() {}

  static String topic(String discoveryPrefix, String objectId) {
    return discoveryPrefix + "/device/" + objectId + "/config";
  }

  /** A client id as Home Assistant takes an object id: letters, digits, _ and - only. */
  static String objectId(String clientId) {
    return ID_PREFIX + clientId.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  static String availabilityTopic(HomeAssistantConfig config, HomeAssistantConfig.Sensor sensor) {
    return config.availabilityPrefix() + "/" + sensor.clientId() + "/availability";
  }

  static String message(HomeAssistantConfig config, HomeAssistantConfig.Sensor sensor) {
    String objectId = objectId(sensor.clientId());
    Map<String, Object> device = new LinkedHashMap<>();
    device.put("ids", List.of(objectId));
    device.put("name", sensor.name());
    sensor.model().ifPresent(model -> device.put("mdl", model));
    Map<String, Object> components = new LinkedHashMap<>();
    for (HomeAssistantConfig.Quantity quantity : sensor.quantities()) {
      Map<String, Object> component = new LinkedHashMap<>();
      component.put("p", quantity.platform());
      component.put("name", quantity.key());
      component.put("unique_id", objectId + "_" + quantity.key());
      component.put("state_topic", quantity.stateTopic());
      quantity.unit().ifPresent(unit -> component.put("unit_of_measurement", unit));
      quantity.deviceClass().ifPresent(deviceClass -> component.put("device_class", deviceClass));
      quantity.stateClass().ifPresent(stateClass -> component.put("state_class", stateClass));
      components.put(objectId + "_" + quantity.key(), component);
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("dev", device);
    message.put("o", Map.of("name", ORIGIN));
    message.put("availability_topic", availabilityTopic(config, sensor));
    message.put("cmps", components);
    message.put("qos", 1);
    return Json.write(message);
  }
}
