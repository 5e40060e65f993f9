package org.sngw.hardware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;

/** Pins from a pi4j context, through the named digital input and output providers. */
final class Pi4jGpio implements Gpio {
  private final Context pi4j;
  private final String inputProvider;
  private final String outputProvider;

  Pi4jGpio(Context pi4j, String inputProvider, String outputProvider) {
    this.pi4j = pi4j;
    this.inputProvider = inputProvider;
    this.outputProvider = outputProvider;
  }

  /**
   * The Pi's pins through the kernel's GPIO character device (libgpiod), which works on every Pi
   * from the first to the 5 and needs no root, only the {@code gpio} group.
   */
  static Pi4jGpio onThisBoard() {
    return new Pi4jGpio(Pi4J.newAutoContext(), "gpiod-digital-input", "gpiod-digital-output");
  }

  @Override
  public DigitalOutput output(String id, int pin, DigitalState initial) {
    return pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
        .id(id)
        .address(pin)
        .initial(initial)
        .shutdown(initial)
        .provider(outputProvider)
        .build());
  }

  @Override
  public DigitalInput pulledUpInput(String id, int pin) {
    return pi4j.create(DigitalInput.newConfigBuilder(pi4j)
        .id(id)
        .address(pin)
        .pull(PullResistance.PULL_UP)
        .provider(inputProvider)
        .build());
  }

  @Override
  public void close() {
    pi4j.shutdown();
  }
}
