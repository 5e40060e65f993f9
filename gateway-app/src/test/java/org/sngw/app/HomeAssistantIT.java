package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.config.ConfigFile;
import org.sngw.config.GatewayConfig;

/**
 * Home Assistant discovery through the real gateway, read the way Home Assistant reads it: retained
 * messages under homeassistant/ and the availability topic, with Debian's mosquitto clients, while
 * an MQTT-SN sensor connects over real UDP.
 */
class HomeAssistantIT {
  private static final String KITCHEN = "homeassistant/device/sngw_kitchen-1/config";
  private static final String GARAGE = "homeassistant/device/sngw_garage-2/config";

  @TempDir Path dir;
  private Gateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void describedSensors_appearRetained_followTheirSession_andOneLeftOutIsRemovedAtTheNextStart() throws Exception {
    gateway = Gateway.start(describing("kitchen-1", "garage-2"));
    await().atMost(Duration.ofSeconds(10)).until(() -> retained("homeassistant/#").size() == 2);
    assertThat(retained("homeassistant/#")).anySatisfy(line -> assertThat(line).startsWith(KITCHEN + "\t{\"dev\":")
        .contains("\"state_topic\":\"sensors/kitchen-1/temperature\"", "\"unit_of_measurement\":\"°C\""));
    assertThat(retained("sngw/#")).containsExactlyInAnyOrder(
        "sngw/kitchen-1/availability\toffline", "sngw/garage-2/availability\toffline");

    try (SnTestClient sensor = new SnTestClient(gateway.snAddress())) {
      sensor.connect("kitchen-1", 60);
      await().atMost(Duration.ofSeconds(10)).until(() -> retained("sngw/kitchen-1/availability")
          .equals(List.of("sngw/kitchen-1/availability\tonline")));

      try (Mosquitto.Sub homeAssistant = Mosquitto.subscribe(gateway.mqttAddress(), "homeassistant/device/#", 1)) {
        int seen = homeAssistant.messages().size();
        Mosquitto.publish(gateway.mqttAddress(), "homeassistant/status", "online", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> homeAssistant.messages().size() >= seen + 2);
      }
    }
    gateway.close();

    gateway = Gateway.start(describing("kitchen-1"));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(retained("homeassistant/#"))
        .singleElement().asString().startsWith(KITCHEN));
    assertThat(retained(GARAGE)).as("garage-2 removed from Home Assistant").isEmpty();
  }

  private List<String> retained(String filter) {
    return Mosquitto.retained(gateway.mqttAddress(), filter);
  }

  private GatewayConfig describing(String... clientIds) throws Exception {
    StringBuilder yaml = new StringBuilder("home-assistant:\n  sensors:\n");
    for (String clientId : clientIds) {
      yaml.append("    - client-id: ").append(clientId).append('\n')
          .append("      quantities:\n")
          .append("        - { key: temperature, unit: \"°C\", device-class: temperature, state-class: measurement }\n");
    }
    Path file = Files.writeString(dir.resolve("sngw.yaml"), yaml);
    return LoopbackConfig.with(dir.resolve("data")).withExtensions(ConfigFile.load(file).extensions());
  }
}
