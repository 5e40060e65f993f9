package org.sngw.hardware;

import com.pi4j.context.Context;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.config.ExtensionPlan;
import org.sngw.events.GatewayEvents;
import org.sngw.runtime.Extension;
import org.sngw.runtime.ExtensionContext;

/**
 * The hardware section, ready to start on a board. Without usable GPIO (not a Pi, no permission)
 * it logs one warning naming the cause and the fix and the gateway runs on without it.
 */
public final class HardwarePlan implements ExtensionPlan {
  private static final Logger log = LoggerFactory.getLogger(HardwarePlan.class);

  private final HardwareConfig config;
  private final Supplier<Optional<String>> gpioProblem;
  private final Supplier<Gpio> gpio;

  HardwarePlan(HardwareConfig config, Supplier<Optional<String>> gpioProblem, Supplier<Gpio> gpio) {
    this.config = config;
    this.gpioProblem = gpioProblem;
    this.gpio = gpio;
  }

  /** On this machine's GPIO character devices, through pi4j's gpiod provider. */
  static HardwarePlan onThisBoard(HardwareConfig config) {
    return new HardwarePlan(config, GpioAccess.ofThisMachine()::problem, Pi4jGpio::onThisBoard);
  }

  /** On the pins of a given pi4j context (pi4j's mock platform in tests), by its providers' ids. */
  public static HardwarePlan on(HardwareConfig config, Context pi4j, String inputProvider,
      String outputProvider) {
    return new HardwarePlan(config, Optional::empty, () -> new Pi4jGpio(pi4j, inputProvider, outputProvider));
  }

  public HardwareConfig config() {
    return config;
  }

  @Override
  public Extension start(ExtensionContext gateway) {
    Optional<String> problem = gpioProblem.get();
    if (problem.isPresent()) {
      return withoutGpio(problem.get());
    }
    HardwareThread thread = new HardwareThread();
    Gpio pins = null;
    try {
      pins = gpio.get();
      HardwareBoard board = new HardwareBoard(config, pins, thread, gateway);
      return new Extension() {
        @Override
        public GatewayEvents events() {
          return board.events();
        }

        @Override
        public void close() {
          thread.closeWith(board::release);
        }
      };
    } catch (RuntimeException e) {
      // pi4j reports a missing or busy pin with its own runtime exceptions.
      thread.close();
      if (pins != null) {
        pins.close();
      }
      return withoutGpio(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private static Extension withoutGpio(String problem) {
    log.warn("hardware: GPIO cannot be used, so the status LEDs, button and radio reset are off: {}", problem);
    return new Extension() {
      @Override
      public GatewayEvents events() {
        return GatewayEvents.NONE;
      }

      @Override
      public void close() {
        // Nothing was taken.
      }
    };
  }
}
