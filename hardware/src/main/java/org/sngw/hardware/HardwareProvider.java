package org.sngw.hardware;

import java.time.Duration;
import java.util.BitSet;
import java.util.Optional;
import java.util.OptionalInt;
import org.sngw.config.ConfigValues;
import org.sngw.config.ExtensionPlan;
import org.sngw.config.ExtensionProvider;
import org.sngw.config.YamlSection;

/**
 * Reads the {@code hardware:} section of the config file; without it the hardware module does
 * nothing at all, not even look for GPIO.
 *
 * <pre>{@code
 * hardware:
 *   ready-led: 17            # BCM pin numbers, 0..27; a part left out is not fitted
 *   uplink-led: 27
 *   traffic-led: 22
 *   button: 23               # to GND; the internal pull-up is switched on
 *   radio-reset: 24
 *   button-debounce: 50ms
 *   long-press: 5s           # held this long: clean shutdown
 *   radio-reset-pulse: 100ms
 *   radio-reset-active: low  # low or high
 *   traffic-blink: 30ms
 * }</pre>
 */
public final class HardwareProvider implements ExtensionProvider {
  /** The BCM numbers of the 40-pin header's GPIOs. */
  static final int MAX_PIN = 27;

  @Override
  public Optional<ExtensionPlan> read(YamlSection root) {
    if (!root.has("hardware")) {
      return Optional.empty();
    }
    YamlSection section = root.section("hardware");
    OptionalInt ready = pin(section, "ready-led");
    OptionalInt uplink = pin(section, "uplink-led");
    OptionalInt traffic = pin(section, "traffic-led");
    OptionalInt button = pin(section, "button");
    OptionalInt reset = pin(section, "radio-reset");
    Duration debounce = section.value("button-debounce", HardwareConfig.DEFAULT_DEBOUNCE, ConfigValues::positiveDuration);
    Duration longPress = section.value("long-press", HardwareConfig.DEFAULT_LONG_PRESS, ConfigValues::positiveDuration);
    Duration pulse = section.value("radio-reset-pulse", HardwareConfig.DEFAULT_RESET_PULSE, ConfigValues::positiveDuration);
    boolean activeLow = section.value("radio-reset-active", true, HardwareProvider::activeLow);
    Duration blink = section.value("traffic-blink", HardwareConfig.DEFAULT_TRAFFIC_BLINK, ConfigValues::positiveDuration);
    section.rejectUnknownKeys();
    if (!distinct(section, ready, uplink, traffic, button, reset)) {
      return Optional.empty();
    }
    if (longPress.compareTo(debounce) <= 0) {
      section.problem("long-press", "must be longer than button-debounce (" + debounce.toMillis() + "ms)");
      return Optional.empty();
    }
    return Optional.of(HardwarePlan.onThisBoard(
        new HardwareConfig(ready, uplink, traffic, button, reset, debounce, longPress, pulse, activeLow, blink)));
  }

  /** Two parts on one pin would fight over it: reported on the hardware section. */
  private static boolean distinct(YamlSection section, OptionalInt... pins) {
    BitSet used = new BitSet();
    for (OptionalInt pin : pins) {
      if (pin.isPresent()) {
        if (used.get(pin.getAsInt())) {
          section.problem("", "GPIO " + pin.getAsInt() + " is given to two parts");
          return false;
        }
        used.set(pin.getAsInt());
      }
    }
    return true;
  }

  private static OptionalInt pin(YamlSection section, String key) {
    Integer pin = section.value(key, null, ConfigValues.between(0, MAX_PIN));
    return pin == null ? OptionalInt.empty() : OptionalInt.of(pin);
  }

  private static boolean activeLow(String text) {
    return switch (text) {
      case "low" -> true;
      case "high" -> false;
      default -> throw new IllegalArgumentException("expected low or high, got '" + text + "'");
    };
  }
}
