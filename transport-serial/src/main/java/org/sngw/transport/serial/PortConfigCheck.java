package org.sngw.transport.serial;

import java.util.ArrayList;
import java.util.List;

/** Port settings that can never work, found before any thread starts; all of them at once. */
final class PortConfigCheck {
  private PortConfigCheck() {}

  /** What is wrong with {@code config}, one entry per bad field; empty when nothing is. */
  static List<String> problems(SerialPortConfig config) {
    List<String> problems = new ArrayList<>();
    if (config.device().isBlank()) {
      problems.add("device is empty");
    }
    if (config.baud() <= 0) {
      problems.add("baud must be positive: " + config.baud());
    }
    if (config.dataBits() < 5 || config.dataBits() > 8) {
      problems.add("dataBits must be 5..8: " + config.dataBits());
    }
    return problems;
  }
}
