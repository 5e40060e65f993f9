package org.sngw.transport.ble;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** BLE settings that can never work, found before anything starts; all of them at once. */
final class BleConfigCheck {
  private static final Pattern DEVICE_ADDRESS = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");

  private BleConfigCheck() {}

  /** What is wrong with {@code config}, one entry per bad field; empty when nothing is. */
  static List<String> problems(BleConfig config) {
    List<String> problems = new ArrayList<>();
    if (config.adapter().isBlank()) {
      problems.add("adapter is empty");
    }
    if (config.maxConnections() < 1) {
      problems.add("maxConnections must be positive: " + config.maxConnections());
    }
    if (config.reconnectMin().isNegative() || config.reconnectMin().isZero()) {
      problems.add("reconnectMin must be positive: " + config.reconnectMin());
    } else if (config.reconnectMax().compareTo(config.reconnectMin()) < 0) {
      problems.add("reconnectMax " + config.reconnectMax() + " is less than reconnectMin " + config.reconnectMin());
    }
    config.allowlist().stream()
        .filter(address -> !DEVICE_ADDRESS.matcher(address).matches())
        .sorted()
        .forEach(address -> problems.add(
            "allowlist entry '" + address + "' is not a device address like AA:BB:CC:DD:EE:FF"));
    return problems;
  }
}
