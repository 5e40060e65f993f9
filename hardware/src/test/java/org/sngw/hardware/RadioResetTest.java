package org.sngw.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sngw.events.GatewayEvents;
import org.sngw.time.VirtualTime;

/** The radio reset line on a mock pin: the pulse's width and polarity, on a virtual clock. */
class RadioResetTest {
  private final VirtualTime time = new VirtualTime();
  private final MockPins pins = new MockPins();

  @AfterEach
  void shutdown() {
    pins.shutdown();
  }

  @Test
  void start_activeLow_pulsesLowForTheConfiguredWidth() {
    new HardwareBoard(Boards.withResetPulse(Duration.ofMillis(250), true), pins.gpio(), time, Boards.gateway(List.of()));
    var changes = MockPins.record(pins.output("radio-reset"), time::nanos);

    time.advance(Duration.ofSeconds(1));

    assertThat(changes).containsExactly(new MockPins.Change(0, DigitalState.LOW),
        new MockPins.Change(Duration.ofMillis(250).toNanos(), DigitalState.HIGH));
  }

  @Test
  void start_activeHigh_pulsesHighForTheConfiguredWidth() {
    new HardwareBoard(Boards.withResetPulse(Duration.ofMillis(20), false), pins.gpio(), time, Boards.gateway(List.of()));
    var changes = MockPins.record(pins.output("radio-reset"), time::nanos);

    time.advance(Duration.ofSeconds(1));

    assertThat(changes).containsExactly(new MockPins.Change(0, DigitalState.HIGH),
        new MockPins.Change(Duration.ofMillis(20).toNanos(), DigitalState.LOW));
  }

  @Test
  void serialPortReappeared_pulsesAgain() {
    GatewayEvents events = new HardwareBoard(Boards.withResetPulse(Duration.ofMillis(100), true), pins.gpio(), time,
        Boards.gateway(List.of())).events();
    time.advance(Duration.ofSeconds(1));
    var changes = MockPins.record(pins.output("radio-reset"), time::nanos);

    events.serialPortReappeared("/dev/ttyUSB0");
    time.advance(Duration.ofSeconds(1));

    long pulseStart = Duration.ofSeconds(1).toNanos();
    assertThat(changes).containsExactly(new MockPins.Change(pulseStart, DigitalState.LOW),
        new MockPins.Change(pulseStart + Duration.ofMillis(100).toNanos(), DigitalState.HIGH));
  }

  @Test
  void serialPortReappeared_duringAPulse_isThatPulse() {
    GatewayEvents events = new HardwareBoard(Boards.withResetPulse(Duration.ofMillis(100), true), pins.gpio(), time,
        Boards.gateway(List.of())).events();
    var changes = MockPins.record(pins.output("radio-reset"), time::nanos);
    time.advance(Duration.ofMillis(50));

    events.serialPortReappeared("/dev/ttyUSB0");
    time.advance(Duration.ofSeconds(1));

    assertThat(changes).containsExactly(new MockPins.Change(0, DigitalState.LOW),
        new MockPins.Change(Duration.ofMillis(100).toNanos(), DigitalState.HIGH));
  }
}
