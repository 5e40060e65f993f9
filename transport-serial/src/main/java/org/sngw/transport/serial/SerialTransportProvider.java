package org.sngw.transport.serial;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sngw.config.ConfigValues;
import org.sngw.config.TransportPlan;
import org.sngw.config.TransportProvider;
import org.sngw.config.YamlSection;
import org.sngw.transport.serial.SerialPortConfig.FlowControl;
import org.sngw.transport.serial.SerialPortConfig.Parity;
import org.sngw.transport.serial.SerialPortConfig.StopBits;
import org.sngw.transport.serial.framing.Framing;

/**
 * Reads the {@code serial:} list of the config file and the {@code --serial DEVICE[@BAUD][:FRAMING]}
 * flag. A port with problems is left out; its problems fail the whole file.
 */
public final class SerialTransportProvider implements TransportProvider {
  @Override
  public List<TransportPlan> read(YamlSection root) {
    List<TransportPlan> ports = new ArrayList<>();
    Set<String> devices = new HashSet<>();
    for (YamlSection s : root.list("serial").orElse(List.of())) {
      String device = s.required("device", SerialTransportProvider::device);
      SerialPortConfig defaults = SerialPortConfig.of(device == null ? "-" : device);
      SerialPortConfig port = new SerialPortConfig(
          defaults.device(),
          s.value("baud", defaults.baud(), text -> ConfigValues.integer(text, 50, 4_000_000)),
          s.value("data-bits", defaults.dataBits(), text -> ConfigValues.integer(text, 5, 8)),
          s.value("parity", defaults.parity(), text -> choice(Parity.class, text)),
          s.value("stop-bits", defaults.stopBits(), SerialTransportProvider::stopBits),
          s.value("flow-control", defaults.flowControl(), text -> choice(FlowControl.class, text)),
          s.value("framing", defaults.framing(), SerialTransportProvider::framing));
      s.rejectUnknownKeys();
      if (device != null && !devices.add(device)) {
        s.problem("device", "'" + device + "' is listed twice");
      }
      ports.add(port);
    }
    return ports;
  }

  /**
   * Parses {@code DEVICE[@BAUD][:FRAMING]}, e.g. {@code /dev/ttyUSB0@9600:cobs}. Device paths may
   * hold ':' and '@' themselves (by-path links do), so only a known framing name after the last ':'
   * and digits after the last '@' count as such.
   */
  public static SerialPortConfig parseFlag(String text) {
    String rest = text;
    Framing framing = Framing.PLAIN;
    int colon = rest.lastIndexOf(':');
    if (colon >= 0 && isFraming(rest.substring(colon + 1))) {
      framing = framing(rest.substring(colon + 1));
      rest = rest.substring(0, colon);
    }
    int baud = SerialPortConfig.DEFAULT_BAUD;
    int at = rest.lastIndexOf('@');
    if (at >= 0 && rest.substring(at + 1).matches("[0-9]+")) {
      baud = ConfigValues.integer(rest.substring(at + 1), 50, 4_000_000);
      rest = rest.substring(0, at);
    }
    return SerialPortConfig.of(device(rest)).with(baud, framing);
  }

  private static String device(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("expected a device path such as /dev/ttyUSB0, got '" + text + "'");
    }
    return text;
  }

  private static boolean isFraming(String name) {
    try {
      framing(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Framing framing(String text) {
    return choice(Framing.class, text);
  }

  private static StopBits stopBits(String text) {
    return switch (text) {
      case "1" -> StopBits.ONE;
      case "1.5" -> StopBits.ONE_POINT_FIVE;
      case "2" -> StopBits.TWO;
      default -> throw new IllegalArgumentException("expected 1, 1.5 or 2, got '" + text + "'");
    };
  }

  /** An enum constant by its lower-case, dashed name: {@code rts-cts} for {@code RTS_CTS}. */
  private static <E extends Enum<E>> E choice(Class<E> type, String text) {
    for (E constant : type.getEnumConstants()) {
      if (name(constant).equals(text)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(name(constant));
    }
    throw new IllegalArgumentException("expected one of " + String.join(", ", names) + ", got '" + text + "'");
  }

  private static String name(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
