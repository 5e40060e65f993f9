package org.sngw.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sngw.events.GatewayEvents;
import org.sngw.time.VirtualTime;

/** The three status LEDs on pi4j's mock pins, following gateway events on a virtual clock. */
class LedIndicatorsTest {
  private final VirtualTime time = new VirtualTime();
  private final MockPins pins = new MockPins();

  @AfterEach
  void shutdown() {
    pins.shutdown();
  }

  private GatewayEvents board(List<String> upstreams) {
    GatewayEvents events = new HardwareBoard(Boards.allParts(), pins.gpio(), time, Boards.gateway(upstreams)).events();
    time.advance(Duration.ZERO);
    return events;
  }

  @Test
  void readyLed_whileStarting_blinksSlowly() {
    board(List.of());
    var changes = MockPins.record(pins.output("ready-led"), time::nanos);

    time.advance(Duration.ofSeconds(2));

    assertThat(changes).hasSize(4);
    assertThat(changes).extracting(MockPins.Change::nanos)
        .containsExactly(ms(500), ms(1000), ms(1500), ms(2000));
  }

  @Test
  void readyLed_started_goesSteady() {
    GatewayEvents events = board(List.of());
    time.advance(Duration.ofMillis(700));

    events.started();
    time.advance(Duration.ZERO);
    var changes = MockPins.record(pins.output("ready-led"), time::nanos);
    time.advance(Duration.ofSeconds(10));

    assertThat(pins.output("ready-led").isHigh()).isTrue();
    assertThat(changes).isEmpty();
  }

  @Test
  void readyLed_storeErrorAfterStart_blinksFastAndStaysSo() {
    GatewayEvents events = board(List.of());
    events.started();
    events.storeError();
    events.started();
    time.advance(Duration.ZERO);
    var changes = MockPins.record(pins.output("ready-led"), time::nanos);

    time.advance(Duration.ofSeconds(1));

    assertThat(changes).hasSize(10);
  }

  @Test
  void readyLed_listenerDown_blinksFast() {
    GatewayEvents events = board(List.of());
    events.listenerDown("udp");
    time.advance(Duration.ZERO);
    var changes = MockPins.record(pins.output("ready-led"), time::nanos);

    time.advance(Duration.ofMillis(300));

    assertThat(changes).extracting(MockPins.Change::nanos).containsExactly(ms(100), ms(200), ms(300));
  }

  @Test
  void uplinkLed_onOnlyWhileEveryUpstreamIsConnected() {
    GatewayEvents events = board(List.of("cloud", "site"));

    events.upstreamConnected("cloud");
    time.advance(Duration.ZERO);
    assertThat(pins.output("uplink-led").isHigh()).isFalse();

    events.upstreamConnected("site");
    time.advance(Duration.ZERO);
    assertThat(pins.output("uplink-led").isHigh()).isTrue();

    events.upstreamDisconnected("cloud");
    time.advance(Duration.ZERO);
    assertThat(pins.output("uplink-led").isHigh()).isFalse();
  }

  @Test
  void uplinkLed_noUpstreamConfigured_staysOff() {
    GatewayEvents events = board(List.of());
    events.started();
    events.upstreamConnected("unknown");
    time.advance(Duration.ofSeconds(1));

    assertThat(pins.output("uplink-led").isHigh()).isFalse();
  }

  @Test
  void trafficLed_oneMessage_oneShortBlink() {
    GatewayEvents events = board(List.of());
    var changes = MockPins.record(pins.output("traffic-led"), time::nanos);

    events.messageIn();
    time.advance(Duration.ofSeconds(1));

    assertThat(changes).containsExactly(new MockPins.Change(0, DigitalState.HIGH),
        new MockPins.Change(ms(30), DigitalState.LOW));
  }

  @Test
  void trafficLed_flood_blinksAtItsOwnPaceNotPerMessage() {
    GatewayEvents events = board(List.of());
    var changes = MockPins.record(pins.output("traffic-led"), time::nanos);

    // 100 messages every millisecond for a second: 100,000 messages.
    for (int ms = 0; ms < 1000; ms++) {
      for (int i = 0; i < 50; i++) {
        events.messageIn();
        events.messageOut();
      }
      time.advance(Duration.ofMillis(1));
    }

    // A 30 ms blink and at least 30 ms dark: one blink per 60 ms, 17 in the second.
    long blinks = changes.stream().filter(change -> change.state() == DigitalState.HIGH).count();
    assertThat(blinks).isEqualTo(17);
    // The ready LED's next blink, and at most the traffic LED's next step: nothing piles up.
    assertThat(time.pendingTasks()).isLessThanOrEqualTo(2);
  }

  private static long ms(long millis) {
    return Duration.ofMillis(millis).toNanos();
  }
}
