package org.sngw.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.sngw.transport.ble.bluez.BluezCentral;
import org.sngw.transport.ble.bluez.NearbyDevice;
import org.sngw.transport.ble.central.BleException;
import org.sngw.transport.ble.central.GattProfile;
import org.sngw.transport.serial.SerialPortListing;

/**
 * What {@code sngw ports} prints: a line per serial port, and the Bluetooth LE peripherals nearby
 * that advertise the Nordic UART Service, or why there is none to show.
 */
final class PortsListing {
  static final Duration LISTEN = Duration.ofSeconds(5);
  private static final Path SYSTEM_BUS = Path.of("/run/dbus/system_bus_socket");

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

  /** Listens {@link #LISTEN} on {@code adapter} through BlueZ, when there is a system bus to reach it on. */
  static String bluetooth(String adapter, Map<String, String> environment) {
    if (!environment.containsKey("DBUS_SYSTEM_BUS_ADDRESS") && !Files.exists(SYSTEM_BUS)) {
      return "Bluetooth LE: no D-Bus system bus here, so no BlueZ (apt-get install bluez, and a Bluetooth adapter)";
    }
    try (BluezCentral central = BluezCentral.open(adapter)) {
      if (!central.isAvailable()) {
        return "Bluetooth LE: adapter " + adapter + " is not available (bluetoothd not running, no such adapter,"
            + " or its radio is off: bluetoothctl power on)";
      }
      return bluetooth(adapter, central.nearby(GattProfile.NORDIC_UART, LISTEN));
    } catch (BleException e) {
      return "Bluetooth LE: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "Bluetooth LE: interrupted while listening";
    }
  }

  static String bluetooth(String adapter, List<NearbyDevice> heard) {
    StringBuilder text = new StringBuilder("Bluetooth LE peripherals advertising the Nordic UART Service, heard on "
        + adapter + " in " + LISTEN.toSeconds() + " s:");
    if (heard.isEmpty()) {
      text.append("\n  none");
    }
    heard.forEach(device -> text.append("\n  ").append(device.line()));
    return text.toString();
  }
}
