package org.sngw.app.simulate.demo;

import java.util.Locale;
import java.util.Random;

/**
 * Something a demo sensor measures: a random walk from a typical value, by steps of at most
 * {@code step}, kept within {@code min..max}, printed with {@code decimals} places (a battery
 * only ever runs down).
 */
final class Quantity {
  private final String key;
  private final String unit;
  private final double step;
  private final double min;
  private final double max;
  private final int decimals;
  private final boolean drains;
  private double value;

  private Quantity(String key, String unit, double start, double step, double min, double max, int decimals,
      boolean drains) {
    this.key = key;
    this.unit = unit;
    this.value = start;
    this.step = step;
    this.min = min;
    this.max = max;
    this.decimals = decimals;
    this.drains = drains;
  }

  static Quantity temperature(double start) {
    return new Quantity("temperature", "°C", start, 0.3, -20, 45, 1, false);
  }

  static Quantity humidity(double start) {
    return new Quantity("humidity", "%", start, 1.5, 10, 95, 0, false);
  }

  static Quantity soilMoisture(double start) {
    return new Quantity("soil_moisture", "%", start, 0.8, 5, 60, 0, false);
  }

  static Quantity battery(double start) {
    return new Quantity("battery", "%", start, 0.2, 0, 100, 0, true);
  }

  String key() {
    return key;
  }

  String unit() {
    return unit;
  }

  /** The next reading, as the sensor sends it: a number in plain text. */
  String next(Random random) {
    double change = (random.nextDouble() * 2 - 1) * step;
    value = Math.max(min, Math.min(max, value + (drains ? -Math.abs(change) : change)));
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
