package org.sngw.transport.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A serial port this machine has, as {@code sngw ports} shows it: what jSerialComm finds, with the
 * stable {@code /dev/serial/by-id} links that point at it, which a config should name instead of a
 * {@code /dev/ttyUSB0} that may change at the next boot.
 *
 * @param device the kernel's device path, e.g. {@code /dev/ttyUSB0}
 * @param description what the device or its driver calls itself
 * @param usbId vendor and product id for a USB adapter, e.g. {@code 0403:6001}
 * @param serialNumber the adapter's serial number, when it reports one
 * @param stableLinks links in the by-id directory that resolve to {@code device}
 */
public record SerialPortListing(
    String device, String description, Optional<String> usbId, Optional<String> serialNumber, List<Path> stableLinks) {
  public static final Path BY_ID = Path.of("/dev/serial/by-id");
  private static final String UNKNOWN = "Unknown";

  public SerialPortListing {
    stableLinks = List.copyOf(stableLinks);
  }

  /** The ports jSerialComm finds now, with their links in {@link #BY_ID}. */
  public static List<SerialPortListing> present() {
    List<SerialPortListing> listings = new ArrayList<>();
    for (SerialPort port : SerialPort.getCommPorts()) {
      String serial = port.getSerialNumber();
      listings.add(of(port.getSystemPortPath(), port.getPortDescription(), usbId(port.getVendorID(), port.getProductID()),
          serial == null || serial.isBlank() || serial.equals(UNKNOWN) ? Optional.empty() : Optional.of(serial), BY_ID));
    }
    return listings;
  }

  static SerialPortListing of(
      String device, String description, Optional<String> usbId, Optional<String> serialNumber, Path byId) {
    return new SerialPortListing(device, description, usbId, serialNumber, linksTo(Path.of(device), byId));
  }

  /** {@code 0403:6001}, as lsusb writes it; none when jSerialComm knows no USB ids (-1). */
  static Optional<String> usbId(int vendor, int product) {
    if (vendor < 0 || product < 0) {
      return Optional.empty();
    }
    HexFormat hex = HexFormat.of();
    return Optional.of(hex.toHexDigits((short) vendor) + ":" + hex.toHexDigits((short) product));
  }

  /** One line: the device, what it is, its ids, and the links to name it by. */
  public String line() {
    StringBuilder line = new StringBuilder(device).append("  ").append(description);
    usbId.ifPresent(id -> line.append("  usb ").append(id));
    serialNumber.ifPresent(serial -> line.append("  serial ").append(serial));
    stableLinks.forEach(link -> line.append("  ").append(link));
    return line.toString();
  }

  private static List<Path> linksTo(Path device, Path byId) {
    if (!Files.isDirectory(byId)) {
      return List.of();
    }
    try (Stream<Path> links = Files.list(byId)) {
      return links.filter(link -> pointsAt(link, device)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + byId, e);
    }
  }

  private static boolean pointsAt(Path link, Path device) {
    try {
      return Files.isSymbolicLink(link) && link.toRealPath().equals(device.toRealPath());
    } catch (IOException e) {
      // A dangling link (the adapter just left) points at nothing here.
      return false;
    }
  }
}
