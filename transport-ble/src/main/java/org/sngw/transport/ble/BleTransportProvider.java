package org.sngw.transport.ble;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.sngw.config.ConfigValues;
import org.sngw.config.TransportPlan;
import org.sngw.config.TransportProvider;
import org.sngw.config.YamlSection;

/** Reads the {@code ble:} section of the config file; present means Bluetooth LE sensors are on. */
public final class BleTransportProvider implements TransportProvider {
  @Override
  public List<TransportPlan> read(YamlSection root) {
    if (!root.has("ble")) {
      return List.of();
    }
    YamlSection s = root.section("ble");
    BleConfig d = BleConfig.defaults();
    Set<String> allowlist = Set.copyOf(s.value("allowlist", List.<String>of(), BleTransportProvider::addresses));
    YamlSection reconnect = s.section("reconnect");
    BleConfig config = new BleConfig(
        s.value("adapter", d.adapter(), BleTransportProvider::adapter),
        s.value("service", d.service(), BleTransportProvider::uuid),
        s.value("receive-characteristic", d.receive(), BleTransportProvider::uuid),
        s.value("send-characteristic", d.send(), BleTransportProvider::uuid),
        allowlist,
        s.value("max-connections", d.maxConnections(), text -> ConfigValues.integer(text, 1, 32)),
        s.value("write-with-response", d.writeWithResponse(), ConfigValues::bool),
        reconnect.value("min", d.reconnectMin(), ConfigValues::positiveDuration),
        reconnect.value("max", d.reconnectMax(), ConfigValues::positiveDuration));
    reconnect.rejectUnknownKeys();
    if (config.reconnectMin().compareTo(config.reconnectMax()) > 0) {
      reconnect.problem("min", "must not be longer than max");
    }
    s.rejectUnknownKeys();
    return List.of(config);
  }

  private static String adapter(String text) {
    if (!text.matches("hci[0-9]+")) {
      throw new IllegalArgumentException("expected an adapter name such as hci0, got '" + text + "'");
    }
    return text;
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected a UUID such as 6e400001-b5a3-f393-e0a9-e50e24dcca9e, got '"
          + text + "'");
    }
  }

  /** A comma-separated list in one scalar: {@code AA:BB:CC:DD:EE:01, AA:BB:CC:DD:EE:02}. */
  private static List<String> addresses(String text) {
    return Arrays.stream(text.split(","))
        .map(String::strip)
        .filter(a -> !a.isEmpty())
        .map(BleTransportProvider::address)
        .toList();
  }

  private static String address(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    if (!upper.matches("([0-9A-F]{2}:){5}[0-9A-F]{2}")) {
      throw new IllegalArgumentException("expected a device address such as AA:BB:CC:DD:EE:FF, got '" + text + "'");
    }
    return upper;
  }
}
