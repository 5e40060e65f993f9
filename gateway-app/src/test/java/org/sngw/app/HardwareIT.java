package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.config.ConfigFile;
import org.sngw.hardware.HardwareConfig;
import org.sngw.hardware.HardwarePlan;

/**
 * The real gateway on 127.0.0.1 with the hardware module on pi4j's mock pins: the plan is built
 * here on a mock pi4j context (a config file would pick the Pi's gpiod provider), then handed to
 * the gateway as the hardware provider's plan would be.
 */
class HardwareIT {
  /** Longer than the ready LED's half period while starting, so a blinking LED would be seen to change. */
  private static final Duration TRAFFIC_BLINK = Duration.ofMillis(600);
  private static final Duration DEBOUNCE = Duration.ofMillis(20);
  private static final Duration LONG_PRESS = Duration.ofMillis(400);

  @TempDir
  Path dataDir;

  private final Context pi4j = Pi4J.newContextBuilder()
      .add(new MockPlatform())
      .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
      .build();
  private Gateway gateway;
  private SnTestClient sensor;

  @AfterEach
  void stop() {
    if (sensor != null) {
      sensor.close();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  private void startOnMockPins() throws Exception {
    HardwareConfig config = new HardwareConfig(OptionalInt.of(17), OptionalInt.of(27), OptionalInt.of(22),
        OptionalInt.of(23), OptionalInt.of(24), DEBOUNCE, LONG_PRESS, HardwareConfig.DEFAULT_RESET_PULSE, true,
        TRAFFIC_BLINK);
    HardwarePlan plan = HardwarePlan.on(config, pi4j, "mock-digital-input", "mock-digital-output");
    gateway = Gateway.start(LoopbackConfig.with(dataDir).withExtensions(List.of(plan)));
    sensor = new SnTestClient(gateway.snAddress());
  }

  private DigitalOutput output(String id) {
    return pi4j.registry().get(id, DigitalOutput.class);
  }

  private static List<DigitalState> changesOf(DigitalOutput output) {
    List<DigitalState> changes = new CopyOnWriteArrayList<>();
    output.addListener(event -> changes.add(event.state()));
    return changes;
  }

  @Test
  void start_onMockPins_readyLedSteadyAndTrafficLedBlinksPerMessage() throws Exception {
    startOnMockPins();
    List<DigitalState> traffic = changesOf(output("traffic-led"));
    List<DigitalState> ready = changesOf(output("ready-led"));

    sensor.connect("hw-1", 60);

    // The hardware thread lit the traffic LED after it had handled "started", and a whole blink
    // lasts longer than the starting blink's half period: a ready LED still blinking would change.
    await().atMost(Duration.ofSeconds(10)).until(() -> traffic.contains(DigitalState.LOW));
    assertThat(traffic).startsWith(DigitalState.HIGH);
    assertThat(ready).isEmpty();
    assertThat(output("ready-led").isHigh()).isTrue();
    assertThat(output("uplink-led").isHigh()).isFalse();
  }

  @Test
  void start_onMockPins_radioResetPulsedAndReleased() throws Exception {
    startOnMockPins();

    // Active low: back high once the pulse is over.
    await().atMost(Duration.ofSeconds(10)).until(() -> output("radio-reset").isHigh());
  }

  @Test
  void button_shortPress_publishesRetainedEventThroughTheBroker() throws Exception {
    startOnMockPins();
    MockDigitalInput button = pi4j.registry().get("button", MockDigitalInput.class);
    button.mockState(DigitalState.HIGH);

    button.mockState(DigitalState.LOW);
    await().pollDelay(DEBOUNCE.multipliedBy(3)).until(() -> true);
    button.mockState(DigitalState.HIGH);

    // Retained: a subscriber arriving afterwards still gets it.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "$SYS/broker/gateway/button", 0)) {
        await().atMost(Duration.ofSeconds(2)).until(() -> !sub.messages().isEmpty());
        assertThat(sub.messages()).containsExactly("$SYS/broker/gateway/button pressed 1");
      }
    });
    assertThat(gateway.shutdownRequested()).isNotDone();
  }

  @Test
  void button_longPress_asksForShutdown() throws Exception {
    startOnMockPins();
    MockDigitalInput button = pi4j.registry().get("button", MockDigitalInput.class);
    button.mockState(DigitalState.HIGH);

    button.mockState(DigitalState.LOW);

    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.shutdownRequested().isDone());
  }

  @Test
  void start_hardwareSectionWithoutGpio_warnsOnceAndRunsOn() throws Exception {
    Assumptions.assumeTrue(noGpioChip(), "this machine has GPIO");
    Path file = dataDir.resolve("sngw.yaml");
    Files.writeString(file, """
        udp: 127.0.0.1:0
        mqtt: 127.0.0.1:0
        data-dir: %s
        hardware:
          ready-led: 17
          button: 23
        """.formatted(dataDir.resolve("data")));

    try (CapturedLog log = CapturedLog.start()) {
      gateway = Gateway.start(ConfigFile.load(file));
      sensor = new SnTestClient(gateway.snAddress());
      sensor.connect("hw-2", 60);

      assertThat(log.text()).containsOnlyOnce("hardware: GPIO cannot be used")
          .contains("/dev/gpiochip*");
    }
  }

  private static boolean noGpioChip() throws IOException {
    try (DirectoryStream<Path> chips = Files.newDirectoryStream(Path.of("/dev"), "gpiochip*")) {
      return !chips.iterator().hasNext();
    }
  }
}
