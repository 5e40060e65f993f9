package org.sngw.hardware;

import java.time.Duration;
import org.sngw.events.GatewayEvents;
import org.sngw.time.Scheduler;

/**
 * The ready LED: a slow blink while the gateway starts, steady once every listener is up, a fast
 * blink from the first fatal error (a listener down, the store unable to write) until restart,
 * since those need someone to look.
 */
final class ReadyIndicator implements GatewayEvents {
  static final Duration STARTING = Duration.ofMillis(500);
  static final Duration FAILED = Duration.ofMillis(100);

  private final Led led;
  private final Scheduler hardware;
  private boolean failed;

  /** Starts blinking at once: the gateway is starting. */
  ReadyIndicator(Led led, Scheduler hardware) {
    this.led = led;
    this.hardware = hardware;
    hardware.schedule(Duration.ZERO, () -> led.blink(STARTING));
  }

  @Override
  public void started() {
    hardware.schedule(Duration.ZERO, () -> {
      if (!failed) {
        led.on();
      }
    });
  }

  @Override
  public void listenerDown(String listener) {
    fail();
  }

  @Override
  public void storeError() {
    fail();
  }

  private void fail() {
    hardware.schedule(Duration.ZERO, () -> {
      failed = true;
      led.blink(FAILED);
    });
  }
}
