package org.sngw.transport.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pty pair made by socat: the gateway's end and the sensor's end, each under a stable link, as a
 * USB adapter appears under /dev/serial/by-id. Stopping socat hangs both ends up and removes the
 * links, as unplugging the adapter does. The tests' stand-in for a serial line, and the one
 * {@code simulate --demo} puts a sensor on.
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
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!(Files.exists(gateway) && Files.exists(sensor))) {
      if (System.nanoTime() > deadline || !socat.isAlive()) {
        pty.close();
        throw new IOException("socat made no pty pair within 5 s; see " + dir.resolve("socat.log"));
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        pty.close();
        throw new IOException("interrupted while socat made its pty pair", e);
      }
    }
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
