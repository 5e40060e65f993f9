package org.sngw.hardware;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;

/** The board's pins, by BCM number; closing releases them all. */
interface Gpio extends AutoCloseable {
  /** An output, at {@code initial} until driven. */
  DigitalOutput output(String id, int pin, DigitalState initial);

  /** An input with the internal pull-up on: it reads high until something pulls it to ground. */
  DigitalInput pulledUpInput(String id, int pin);

  @Override
  void close();
}
