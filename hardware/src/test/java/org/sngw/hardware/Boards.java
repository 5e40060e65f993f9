package org.sngw.hardware;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.sngw.runtime.ExtensionContext;

/** Configs and gateway contexts the board tests share. */
final class Boards {
  static final int READY = 17;
  static final int UPLINK = 27;
  static final int TRAFFIC = 22;
  static final int BUTTON = 23;
  static final int RESET = 24;

  private Boards() { }

  /** Every part fitted, the default timings. */
  static HardwareConfig allParts() {
    return new HardwareConfig(OptionalInt.of(READY), OptionalInt.of(UPLINK), OptionalInt.of(TRAFFIC),
        OptionalInt.of(BUTTON), OptionalInt.of(RESET), HardwareConfig.DEFAULT_DEBOUNCE,
        HardwareConfig.DEFAULT_LONG_PRESS, HardwareConfig.DEFAULT_RESET_PULSE, true,
        HardwareConfig.DEFAULT_TRAFFIC_BLINK);
  }

  static HardwareConfig withResetPulse(Duration width, boolean activeLow) {
    HardwareConfig all = allParts();
    return new HardwareConfig(all.readyLed(), all.uplinkLed(), all.trafficLed(), all.button(), all.radioReset(),
        all.debounce(), all.longPress(), width, activeLow, all.trafficBlink());
  }

  static ExtensionContext gateway(List<String> upstreams) {
    return new ExtensionContext(upstreams, (topic, text) -> { }, () -> { }, (name, filter, received) -> { });
  }
}
