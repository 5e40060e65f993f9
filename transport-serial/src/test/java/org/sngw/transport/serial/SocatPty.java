package org.sngw.transport.serial;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A pty pair made by socat: the gateway's end and the sensor's end, each under a stable link, as a
 * USB adapter appears under /dev/serial/by-id. Stopping socat hangs both ends up and removes the
 * links, as unplugging the adapter does.
 */
public final class SocatPty implements AutoCloseable {
  public final Path gateway;
  public final Path sensor;
  private final Process socat;

  private SocatPty(Path gateway, Path sensor, Process socat) {
    this.gateway = gateway;
    this.sensor = sensor;
    this.socat = socat;
  }

  /** Starts socat with links {@code gw} and {@code sensor} in {@code dir} and waits for both. */
  public static SocatPty start(Path dir) throws IOException {
    Path gateway = dir.resolve("gw");
    Path sensor = dir.resolve("sensor");
    Process socat;
    try {
      socat = new ProcessBuilder("socat", "-d", "-d",
          "pty,raw,echo=0,link=" + gateway, "pty,raw,echo=0,link=" + sensor)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("socat.log").toFile()))
          .start();
    } catch (IOException e) {
      throw new IOException("cannot run socat: install the Debian package socat", e);
    }
    SocatPty pty = new SocatPty(gateway, sensor, socat);
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
        .until(() -> Files.exists(gateway) && Files.exists(sensor));
    return pty;
  }

  /**
   * Ends socat with SIGTERM and waits until it has removed its links, so that nothing (a
   * {@code @TempDir} cleanup, a test waiting for the port to vanish) races socat's own removal.
   */
  @Override
  public void close() {
    socat.destroy();
    try {
      if (!socat.waitFor(5, TimeUnit.SECONDS)) {
        socat.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
