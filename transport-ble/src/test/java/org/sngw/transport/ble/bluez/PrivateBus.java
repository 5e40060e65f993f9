package org.sngw.transport.ble.bluez;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A dbus-daemon of the test's own, listening in a temp dir, so the mocked BlueZ never meets the
 * machine's real system bus. Ending the daemon also ends the mock, which quits with its bus.
 */
public final class PrivateBus implements AutoCloseable {
  private static final String CONFIG = """
      <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
       "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
      <busconfig>
        <type>session</type>
        <listen>unix:dir=%s</listen>
        <auth>EXTERNAL</auth>
        <policy context="default">
          <allow send_destination="*" eavesdrop="true"/>
          <allow eavesdrop="true"/>
          <allow own="*"/>
        </policy>
      </busconfig>
      """;

  public final String address;
  private final Process daemon;

  private PrivateBus(String address, Process daemon) {
    this.address = address;
    this.daemon = daemon;
  }

  public static boolean installed() {
    try {
      Process probe = new ProcessBuilder("dbus-daemon", "--version")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts the daemon with its socket, config and log in {@code dir}. */
  public static PrivateBus start(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path config = Files.writeString(dir.resolve("bus.conf"), CONFIG.formatted(dir));
    Process daemon = new ProcessBuilder("dbus-daemon", "--config-file=" + config, "--nofork",
        "--print-address")
        .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("dbus-daemon.log").toFile()))
        .start();
    BufferedReader output = new BufferedReader(
        new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
    String address = output.readLine();
    if (address == null || address.isBlank()) {
      destroy(daemon);
      throw new IOException("dbus-daemon printed no address; see " + dir.resolve("dbus-daemon.log"));
    }
    return new PrivateBus(address.strip(), daemon);
  }

  @Override
  public void close() {
    destroy(daemon);
  }

  static void destroy(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
