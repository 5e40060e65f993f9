package org.sngw.app.simulate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;

/** Properties of the demo's readings over long random walks, each run with a fresh seed. */
class QuantityTest {
  @RepeatedTest(20)
  void readings_stayWithinTheirBounds_moveBySmallSteps_andABatteryOnlyRunsDown() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    Quantity temperature = Quantity.temperature(21.5);
    Quantity battery = Quantity.battery(3);
    double lastTemperature = 21.5;
    double lastBattery = 3;
    for (int i = 0; i < 10_000; i++) {
      String text = temperature.next(random);
      double value = Double.parseDouble(text);
      assertThat(text).as("seed %d", seed).matches("-?[0-9]+\\.[0-9]");
      assertThat(value).as("seed %d", seed).isBetween(-20.0, 45.0);
      assertThat(Math.abs(value - lastTemperature)).as("seed %d", seed).isLessThanOrEqualTo(0.3 + 0.1);
      lastTemperature = value;
      double charge = Double.parseDouble(battery.next(random));
      assertThat(charge).as("seed %d", seed).isBetween(0.0, lastBattery + 0.5).isLessThanOrEqualTo(100.0);
      lastBattery = charge;
    }
    assertThat(lastBattery).as("a battery run down long enough is empty, not negative").isZero();
  }
}
