package org.sngw.hardware;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sngw.events.GatewayEvents;
import org.sngw.time.Scheduler;

/**
 * The traffic LED: lit for one blink when a message goes in or out, then dark for at least as
 * long. Messages during a blink and the dark gap after it are not counted, so at 150,000 messages
 * a second the LED glows at half brightness and costs a few scheduled tasks a second, not one per
 * message.
 */
final class TrafficIndicator implements GatewayEvents {
  private final Led led;
  private final Scheduler hardware;
  private final Duration blink;
  // Set by the first message of a blink; cleared by the hardware thread once the dark gap is over.
  private final AtomicBoolean blinking = new AtomicBoolean();
  // Built once: the hot path must not allocate a lambda per message.
  private final Runnable light = this::light;
  private final Runnable darken = this::darken;
  private final Runnable rearm = this::rearm;

  TrafficIndicator(Led led, Scheduler hardware, Duration blink) {
    this.led = led;
    this.hardware = hardware;
    this.blink = blink;
    hardware.schedule(Duration.ZERO, led::off);
  }

  @Override
  public void messageIn() {
    flash();
  }

  @Override
  public void messageOut() {
    flash();
  }

  private void flash() {
    // The plain read first: in a flood every thread sees true and skips the compare-and-set,
    // so the flag's cache line is not fought over.
    if (!blinking.get() && blinking.compareAndSet(false, true)) {
      hardware.schedule(Duration.ZERO, light);
    }
  }

  private void light() {
    led.on();
    hardware.schedule(blink, darken);
  }

  private void darken() {
    led.off();
    hardware.schedule(blink, rearm);
  }

  private void rearm() {
    blinking.set(false);
  }
}
