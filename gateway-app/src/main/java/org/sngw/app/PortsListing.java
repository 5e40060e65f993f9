package org.sngw.app;

import java.util.List;
import org.sngw.transport.serial.SerialPortListing;

/** What {@code sngw ports} prints: a line per serial port, or why there is none to show. */
final class PortsListing {
  private PortsListing() {}

  static String text(List<SerialPortListing> ports) {
    if (ports.isEmpty()) {
      return "serial ports: none found (no USB serial adapter plugged in, or its driver not loaded: see dmesg)";
    }
    StringBuilder text = new StringBuilder("serial ports (name one in the config by its /dev/serial/by-id link"
        + " where it has one: it stays the same across reboots and replugging):");
    ports.forEach(port -> text.append("\n  ").append(port.line()));
    return text.toString();
  }
}
