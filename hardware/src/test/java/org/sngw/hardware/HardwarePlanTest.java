package org.sngw.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.events.GatewayEvents;
import org.sngw.runtime.Extension;

/** Starting the hardware, with and without GPIO to drive. */
class HardwarePlanTest {
  @TempDir
  Path dev;

  @Test
  void problem_noGpioChip_namesTheCause() {
    assertThat(new GpioAccess(dev).problem()).hasValueSatisfying(problem ->
        assertThat(problem).contains(dev + "/gpiochip*").contains("not a Raspberry Pi"));
  }

  @Test
  void problem_usableGpioChip_none() throws IOException {
    Files.createFile(dev.resolve("gpiochip0"));

    assertThat(new GpioAccess(dev).problem()).isEmpty();
  }

  @Test
  void start_withoutGpio_runsOnListeningToNothing() {
    HardwarePlan plan = new HardwarePlan(Boards.allParts(), () -> Optional.of("no /dev/gpiochip*"), () -> {
      throw new AssertionError("pins must not be asked for without GPIO");
    });

    try (Extension extension = plan.start(Boards.gateway(List.of()))) {
      assertThat(extension.events()).isSameAs(GatewayEvents.NONE);
    }
  }

  @Test
  void start_pinThatCannotBeHad_runsOnListeningToNothing() {
    HardwarePlan plan = new HardwarePlan(Boards.allParts(), Optional::empty, () -> {
      throw new IllegalStateException("GPIO 17 is busy");
    });

    try (Extension extension = plan.start(Boards.gateway(List.of()))) {
      assertThat(extension.events()).isSameAs(GatewayEvents.NONE);
    }
  }

  @Test
  void start_onMockPins_readyLedGoesSteadyOnTheHardwareThread() {
    MockPins pins = new MockPins();
    HardwarePlan plan = HardwarePlan.on(Boards.allParts(), pins.pi4j, MockPins.INPUTS, MockPins.OUTPUTS);

    try (Extension extension = plan.start(Boards.gateway(List.of()))) {
      extension.events().started();
      await().until(() -> pins.output("ready-led").isHigh());
    }
    assertThat(pins.pi4j.isShutdown()).isTrue();
  }
}
