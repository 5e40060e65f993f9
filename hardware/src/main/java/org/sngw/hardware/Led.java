package org.sngw.hardware;

import com.pi4j.io.gpio.digital.DigitalOutput;
import java.time.Duration;
import org.sngw.time.Cancellable;
import org.sngw.time.Scheduler;

/**
 * An LED on an output pin (lit when high): off, on, or blinking with a given half period. Owned by
 * the hardware thread: every method is called there, the blink runs on its scheduler.
 */
final class Led {
  private final DigitalOutput pin;
  private final Scheduler scheduler;
  private Cancellable blinking = () -> { };
  private Duration halfPeriod;

  Led(DigitalOutput pin, Scheduler scheduler) {
    this.pin = pin;
    this.scheduler = scheduler;
  }

  void on() {
    stopBlinking();
    pin.high();
  }

  void off() {
    stopBlinking();
    pin.low();
  }

  /** Lit for {@code halfPeriod}, dark for as long, over and over; a blink already at this pace goes on undisturbed. */
  void blink(Duration halfPeriod) {
    if (halfPeriod.equals(this.halfPeriod)) {
      return;
    }
    stopBlinking();
    this.halfPeriod = halfPeriod;
    pin.high();
    blinking = scheduler.schedule(halfPeriod, this::toggle);
  }

  boolean isLit() {
    return pin.isHigh();
  }

  private void toggle() {
    pin.toggle();
    blinking = scheduler.schedule(halfPeriod, this::toggle);
  }

  private void stopBlinking() {
    blinking.cancel();
    halfPeriod = null;
  }
}
