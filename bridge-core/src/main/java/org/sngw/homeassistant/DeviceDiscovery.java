package org.sngw.homeassistant;

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
    JsonText device = new JsonText().strings("ids", objectId).string("name", sensor.name());
    sensor.model().ifPresent(model -> device.string("mdl", model));
    JsonText components = new JsonText();
    for (HomeAssistantConfig.Quantity quantity : sensor.quantities()) {
      JsonText component = new JsonText()
          .string("p", quantity.platform())
          .string("name", quantity.key())
          .string("unique_id", objectId + "_" + quantity.key())
          .string("state_topic", quantity.stateTopic());
      quantity.unit().ifPresent(unit -> component.string("unit_of_measurement", unit));
      quantity.deviceClass().ifPresent(deviceClass -> component.string("device_class", deviceClass));
      quantity.stateClass().ifPresent(stateClass -> component.string("state_class", stateClass));
      components.object(objectId + "_" + quantity.key(), component);
    }
    return new JsonText()
        .object("dev", device)
        .object("o", new JsonText().string("name", ORIGIN))
        .string("availability_topic", availabilityTopic(config, sensor))
        .object("cmps", components)
        .number("qos", 1)
        .toString();
  }
}
