package org.sngw.hardware;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether this process may drive GPIO through the kernel's character devices, and if not why and
 * how to fix it: asked before pi4j starts, whose own errors on a PC or without permission do not
 * say so plainly.
 */
final class GpioAccess {
  private final Path devices;

  GpioAccess(Path devices) {
    this.devices = devices;
  }

  static GpioAccess ofThisMachine() {
    return new GpioAccess(Path.of("/dev"));
  }

  /** Empty when a GPIO chip can be opened for reading and writing; else the cause and the fix. */
  Optional<String> problem() {
    List<Path> chips = new ArrayList<>();
    try (DirectoryStream<Path> found = Files.newDirectoryStream(devices, "gpiochip*")) {
      found.forEach(chips::add);
    } catch (IOException e) {
      return Optional.of("cannot list " + devices + ": " + e.getMessage());
    }
    if (chips.isEmpty()) {
      return Optional.of("no " + devices + "/gpiochip* (not a Raspberry Pi, or its GPIO driver is not loaded)");
    }
    for (Path chip : chips) {
      if (Files.isReadable(chip) && Files.isWritable(chip)) {
        return Optional.empty();
      }
    }
    return Optional.of("no permission to use " + chips.get(0) + ": add the user the gateway runs as to the "
        + "gpio group (sudo usermod -aG gpio USER, then log in again or restart the service)");
  }
}
