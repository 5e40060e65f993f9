package org.sngw.hardware;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The {@code hardware:} section: which BCM GPIO pin does what, and the timings. A pin left out is
 * a part not fitted; the LEDs, the button and the reset line work each without the others.
 *
 * @param readyLed blinks while starting, steady once every listener is up, fast on a fatal error
 * @param uplinkLed on while every configured upstream bridge is connected
 * @param trafficLed a short blink per message in or out
 * @param button to ground, with the internal pull-up: pressed reads low
 * @param radioReset pulsed at start and whenever a serial port comes back
 * @param debounce how long the button must read the same before a change counts
 * @param longPress how long the button is held for a clean shutdown
 * @param resetPulse how long the reset line is held active
 * @param resetActiveLow whether the reset line is active low (XBee's RESET pin is)
 * @param trafficBlink how long the traffic LED is lit per blink, and dark at least after it
 */
public record HardwareConfig(
    OptionalInt readyLed,
    OptionalInt uplinkLed,
    OptionalInt trafficLed,
    OptionalInt button,
    OptionalInt radioReset,
    Duration debounce,
    Duration longPress,
    Duration resetPulse,
    boolean resetActiveLow,
    Duration trafficBlink) {
  public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(50);
  public static final Duration DEFAULT_LONG_PRESS = Duration.ofSeconds(5);
  public static final Duration DEFAULT_RESET_PULSE = Duration.ofMillis(100);
  public static final Duration DEFAULT_TRAFFIC_BLINK = Duration.ofMillis(30);

  public HardwareConfig {
    Objects.requireNonNull(readyLed, "readyLed");
    Objects.requireNonNull(uplinkLed, "uplinkLed");
    Objects.requireNonNull(trafficLed, "trafficLed");
    Objects.requireNonNull(button, "button");
    Objects.requireNonNull(radioReset, "radioReset");
    requirePositive(debounce, "debounce");
    requirePositive(longPress, "longPress");
    requirePositive(resetPulse, "resetPulse");
    requirePositive(trafficBlink, "trafficBlink");
    if (longPress.compareTo(debounce) <= 0) {
      throw new IllegalArgumentException("longPress " + longPress + " must be longer than debounce " + debounce);
    }
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
