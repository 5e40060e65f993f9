package org.sngw.transport.ble.bluez;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sngw.ClosingStack;
import org.sngw.RequiredTool;

/**
 * BlueZ as python-dbusmock's bluez5 template plays it, on a {@link PrivateBus}; commands to it go
 * through bluez_mock.py (see there), one short python run each.
 */
public final class BluezMock implements AutoCloseable {
  private static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");

  private final String python;
  private final Path script;
  private final Map<String, String> environment;
  private final Path log;
  private final Process mock;

  private BluezMock(String python, Path script, Map<String, String> environment, Path log, Process mock) {
    this.python = python;
    this.script = script;
    this.environment = environment;
    this.log = log;
    this.mock = mock;
  }

  /** The first python that can import dbusmock (a pyenv python3 on PATH may lack Debian's). */
  public static Optional<String> python() {
    for (String python : PYTHONS) {
      try {
        Process probe = new ProcessBuilder(python, "-c", "import dbusmock")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0) {
          return Optional.of(python);
        }
      } catch (IOException e) {
        // not installed under this name; try the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Starts the mock on {@code bus} and waits until it owns org.bluez. */
  public static BluezMock start(String python, PrivateBus bus, Path dir)
      throws IOException, InterruptedException {
    // Copied out: from another module's tests the script is inside this module's test jar.
    Path script = dir.resolve("bluez_mock.py");
    try (InputStream source = BluezMock.class.getResourceAsStream("bluez_mock.py")) {
      Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
    }
    // The template serves the system bus; both point at the private one, so nothing leaks out.
    Map<String, String> environment = Map.of(
        "DBUS_SYSTEM_BUS_ADDRESS", bus.address, "DBUS_SESSION_BUS_ADDRESS", bus.address);
    Path log = dir.resolve("dbusmock.log");
    ProcessBuilder builder = new ProcessBuilder(python, "-m", "dbusmock", "--system", "--template", "bluez5")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    BluezMock bluez = new BluezMock(python, script, environment, log, builder.start());
    bluez.run("wait");
    return bluez;
  }

  /**
   * A private bus with the mock on it, serving {@code adapter}, both closed by {@code started}:
   * for a test that runs the gateway against BlueZ. Fails under CI, and skips elsewhere, without
   * dbus-daemon or python3-dbusmock.
   */
  public static BluezMock onPrivateBus(String adapter, Path dir, ClosingStack started)
      throws IOException, InterruptedException {
    RequiredTool.require(PrivateBus.installed(), "dbus-daemon", "dbus");
    Optional<String> python = python();
    RequiredTool.require(python.isPresent(), "python3 with dbusmock", "python3-dbusmock");
    PrivateBus bus = started.push(PrivateBus.start(dir.resolve("bus")));
    BluezMock bluez = started.push(start(python.get(), bus, dir));
    bluez.run("adapter", adapter);
    return bluez;
  }

  /** The D-Bus address the mock serves, for DBUS_SYSTEM_BUS_ADDRESS. */
  public String busAddress() {
    return environment.get("DBUS_SYSTEM_BUS_ADDRESS");
  }

  /** Runs one bluez_mock.py command; returns what it printed, line by line. */
  public List<String> run(String... command) throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of(python, script.toString()));
    arguments.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(arguments)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    Process helper = builder.start();
    String output = new String(helper.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!helper.waitFor(20, TimeUnit.SECONDS) || helper.exitValue() != 0) {
      PrivateBus.destroy(helper);
      throw new IllegalStateException("bluez_mock.py " + String.join(" ", command) + " failed:\n"
          + Files.readString(log));
    }
    return output.lines().toList();
  }

  @Override
  public void close() {
    PrivateBus.destroy(mock);
  }
}
