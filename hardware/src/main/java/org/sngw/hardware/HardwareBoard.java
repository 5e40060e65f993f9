package org.sngw.hardware;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.ArrayList;
import java.util.List;
import org.sngw.events.GatewayEvents;
import org.sngw.runtime.ExtensionContext;
import org.sngw.time.Scheduler;

/**
 * The fitted parts, built from the config on the given pins: each part that listens to the
 * gateway is one of {@link #events()}. Every part runs on {@code hardware}'s thread.
 */
final class HardwareBoard {
  private final Gpio gpio;
  private final List<DigitalOutput> leds = new ArrayList<>();
  private final List<GatewayEvents> parts = new ArrayList<>();
  private final GatewayEvents events;

  HardwareBoard(HardwareConfig config, Gpio gpio, Scheduler hardware, ExtensionContext gateway) {
    this.gpio = gpio;
    config.readyLed().ifPresent(pin -> parts.add(new ReadyIndicator(led("ready-led", pin, hardware), hardware)));
    config.uplinkLed().ifPresent(pin ->
        parts.add(new UplinkIndicator(led("uplink-led", pin, hardware), hardware, gateway.upstreams())));
    config.trafficLed().ifPresent(pin ->
        parts.add(new TrafficIndicator(led("traffic-led", pin, hardware), hardware, config.trafficBlink())));
    config.radioReset().ifPresent(pin -> {
      // Inactive from the moment the pin is taken, so only the pulse resets the radio.
      DigitalState inactive = config.resetActiveLow() ? DigitalState.HIGH : DigitalState.LOW;
      parts.add(new RadioReset(gpio.output("radio-reset", pin, inactive), hardware, config.resetPulse(),
          config.resetActiveLow()));
    });
    config.button().ifPresent(pin -> {
      DigitalInput input = gpio.pulledUpInput("button", pin);
      // Wired to ground with the pull-up: pressed reads low.
      ButtonPresses presses = new ButtonPresses(input::isLow, hardware, config.debounce(), config.longPress(),
          new GatewayButton(gateway));
      input.addListener(change -> presses.edge());
    });
    events = GatewayEvents.allOf(parts);
  }

  GatewayEvents events() {
    return events;
  }

  /** On the hardware thread, after the last blink: the LEDs dark, the pins given back. */
  void release() {
    leds.forEach(DigitalOutput::low);
    gpio.close();
  }

  private Led led(String id, int pin, Scheduler hardware) {
    DigitalOutput output = gpio.output(id, pin, DigitalState.LOW);
    leds.add(output);
    return new Led(output, hardware);
  }
}
