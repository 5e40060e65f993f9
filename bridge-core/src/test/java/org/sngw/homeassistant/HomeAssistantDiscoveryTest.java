package org.sngw.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sngw.runtime.ExtensionContext;

/** The discovery messages and availability a described sensor gets, against a recording gateway. */
class HomeAssistantDiscoveryTest {
  private static final String CONFIG_TOPIC = "homeassistant/device/sngw_kitchen-1/config";
  private static final String AVAILABILITY = "sngw/kitchen-1/availability";
  /**
   * The keys of Home Assistant's device-based discovery payload this uses, as its MQTT
   * integration documents them (home-assistant.io/integrations/mqtt, "Device discovery payload"):
   * the shared part, the device and origin mappings, and a sensor component's options.
   */
  private static final Set<String> DOCUMENTED_KEYS = Set.of(
      "dev", "o", "cmps", "availability_topic", "qos",
      "ids", "name", "mdl",
      "p", "unique_id", "state_topic", "unit_of_measurement", "device_class", "state_class");

  private final HomeAssistantConfig config = new HomeAssistantConfig("homeassistant", "homeassistant/status", "sngw",
      List.of(new HomeAssistantConfig.Sensor("kitchen-1", "Kitchen", Optional.of("ESP32 + SHT31"), List.of(
          new HomeAssistantConfig.Quantity("temperature", "sensors/kitchen-1/temperature", "sensor",
              Optional.of("°C"), Optional.of("temperature"), Optional.of("measurement")),
          new HomeAssistantConfig.Quantity("battery", "sensors/kitchen-1/battery", "sensor",
              Optional.of("%"), Optional.of("battery"), Optional.empty())))));
  private final List<String> published = new ArrayList<>();
  private final Map<String, String> retained = new LinkedHashMap<>();
  private final Map<String, ExtensionContext.MessageReceiver> subscriptions = new HashMap<>();
  private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(config, new ExtensionContext(List.of(),
      (topic, text) -> {
        published.add(topic + " " + text);
        retained.put(topic, text);
      },
      () -> { },
      (name, filter, received) -> subscriptions.put(filter, received)));

  @Test
  void started_announcesEachSensorAsOneDeviceWithAComponentPerQuantity_retained_andOffline() {
    discovery.started();

    assertThat(retained).containsOnlyKeys(CONFIG_TOPIC, AVAILABILITY);
    assertThat(retained.get(CONFIG_TOPIC)).isEqualTo("{"
        + "\"dev\":{\"ids\":[\"sngw_kitchen-1\"],\"name\":\"Kitchen\",\"mdl\":\"ESP32 + SHT31\"},"
        + "\"o\":{\"name\":\"sngw\"},"
        + "\"availability_topic\":\"sngw/kitchen-1/availability\","
        + "\"cmps\":{"
        + "\"sngw_kitchen-1_temperature\":{\"p\":\"sensor\",\"name\":\"temperature\","
        + "\"unique_id\":\"sngw_kitchen-1_temperature\",\"state_topic\":\"sensors/kitchen-1/temperature\","
        + "\"unit_of_measurement\":\"°C\",\"device_class\":\"temperature\",\"state_class\":\"measurement\"},"
        + "\"sngw_kitchen-1_battery\":{\"p\":\"sensor\",\"name\":\"battery\","
        + "\"unique_id\":\"sngw_kitchen-1_battery\",\"state_topic\":\"sensors/kitchen-1/battery\","
        + "\"unit_of_measurement\":\"%\",\"device_class\":\"battery\"}},"
        + "\"qos\":1}");
    assertThat(retained.get(AVAILABILITY)).isEqualTo("offline");
    assertThat(subscriptions).containsOnlyKeys("homeassistant/status", "homeassistant/device/+/config");
  }

  @Test
  void discoveryMessage_usesOnlyKeysHomeAssistantDocuments() {
    discovery.started();

    Set<String> keys = new TreeSet<>();
    Matcher key = Pattern.compile("\"([^\"]+)\":").matcher(retained.get(CONFIG_TOPIC));
    while (key.find()) {
      keys.add(key.group(1));
    }
    keys.removeIf(name -> name.startsWith("sngw_kitchen-1_"));
    assertThat(DOCUMENTED_KEYS).containsAll(keys);
  }

  @Test
  void availability_followsTheSession_onlineFromConnectUntilLostOrGone() {
    discovery.started();
    published.clear();

    discovery.sensorConnected("kitchen-1");
    discovery.sensorConnected("kitchen-1");
    discovery.sensorConnected("undescribed");
    discovery.sensorLost("kitchen-1");
    discovery.sensorConnected("kitchen-1");
    discovery.sensorDisconnected("kitchen-1");

    assertThat(published).containsExactly(AVAILABILITY + " online", AVAILABILITY + " offline",
        AVAILABILITY + " online", AVAILABILITY + " offline");
  }

  @Test
  void homeAssistantsBirthMessage_announcesEverySensorAgain_withItsAvailabilityNow() {
    discovery.started();
    discovery.sensorConnected("kitchen-1");
    published.clear();

    deliver("homeassistant/status", "offline");
    deliver("homeassistant/status", "online");

    assertThat(published).hasSize(2);
    assertThat(published.get(0)).startsWith(CONFIG_TOPIC + " {\"dev\"");
    assertThat(published.get(1)).isEqualTo(AVAILABILITY + " online");
  }

  @Test
  void aRetainedConfigOfOursForASensorNoLongerDescribed_isEmptied_othersLeftAlone() {
    discovery.started();
    published.clear();

    deliver(CONFIG_TOPIC, "{\"dev\":{}}");
    deliver("homeassistant/device/sngw_garage-2/config", "{\"dev\":{}}");
    deliver("homeassistant/device/sngw_garage-2/config", "");
    deliver("homeassistant/device/zigbee2mqtt_0x00158d/config", "{\"dev\":{}}");

    assertThat(published).containsExactly("homeassistant/device/sngw_garage-2/config ");
  }

  private void deliver(String topic, String payload) {
    String filter = topic.startsWith("homeassistant/device/") ? "homeassistant/device/+/config" : topic;
    subscriptions.get(filter).received(topic, payload.getBytes(StandardCharsets.UTF_8));
  }
}
