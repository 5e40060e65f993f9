package org.sngw.hardware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** pi4j's mock platform, as pins for tests: outputs are read back, inputs driven by the test. */
final class MockPins {
  static final String INPUTS = "mock-digital-input";
  static final String OUTPUTS = "mock-digital-output";

  final Context pi4j = Pi4J.newContextBuilder()
      .add(new MockPlatform())
      .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
      .build();

  Gpio gpio() {
    return new Pi4jGpio(pi4j, INPUTS, OUTPUTS);
  }

  /** The output created with this id (ready-led, uplink-led, traffic-led, radio-reset). */
  DigitalOutput output(String id) {
    return pi4j.registry().get(id, DigitalOutput.class);
  }

  MockDigitalInput input(String id) {
    return pi4j.registry().get(id, MockDigitalInput.class);
  }

  void shutdown() {
    pi4j.shutdown();
  }

  /** Every change of one output, as (virtual nanos, new state), from now on. */
  static List<Change> record(DigitalOutput output, LongSupplier nanos) {
    List<Change> changes = new ArrayList<>();
    output.addListener(event -> changes.add(new Change(nanos.getAsLong(), event.state())));
    return changes;
  }

  record Change(long nanos, DigitalState state) { }
}
