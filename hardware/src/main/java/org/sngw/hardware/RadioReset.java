package org.sngw.hardware;

import com.pi4j.io.gpio.digital.DigitalOutput;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.events.GatewayEvents;
import org.sngw.time.Scheduler;

/**
 * The radio's reset line: held active for the pulse width at start and whenever a serial port comes
 * back, since an XBee or similar module can come out of a brown-out wedged. A pulse asked for while
 * one is under way is that pulse.
 */
final class RadioReset implements GatewayEvents {
  private static final Logger log = LoggerFactory.getLogger(RadioReset.class);

  private final DigitalOutput pin;
  private final Scheduler hardware;
  private final Duration width;
  private final boolean activeLow;
  private boolean pulsing;

  /** Pulses at once: the radio starts with the gateway from a known state. */
  RadioReset(DigitalOutput pin, Scheduler hardware, Duration width, boolean activeLow) {
    this.pin = pin;
    this.hardware = hardware;
    this.width = width;
    this.activeLow = activeLow;
    hardware.schedule(Duration.ZERO, this::pulse);
  }

  @Override
  public void serialPortReappeared(String port) {
    hardware.schedule(Duration.ZERO, () -> {
      log.info("serial port {} is back: resetting the radio", port);
      pulse();
    });
  }

  private void pulse() {
    if (pulsing) {
      return;
    }
    pulsing = true;
    drive(true);
    hardware.schedule(width, () -> {
      drive(false);
      pulsing = false;
    });
  }

  private void drive(boolean active) {
    if (active != activeLow) {
      pin.high();
    } else {
      pin.low();
    }
  }
}
