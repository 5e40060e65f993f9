package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Two connected pseudo-terminals from socat: the gateway opens one link, the test's sensor the other. */
final class PtyPair implements AutoCloseable {
  private final Path gatewaySide;
  private final Path sensorSide;
  private Process socat;

  PtyPair(Path dir) {
    this.gatewaySide = dir.resolve("gateway-tty");
    this.sensorSide = dir.resolve("sensor-tty");
    start();
  }

  Path gatewaySide() {
    return gatewaySide;
  }

  Path sensorSide() {
    return sensorSide;
  }

  /** Brings the pair (back) up under the same link paths, like a USB adapter plugged in again. */
  void start() {
    try {
      socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + gatewaySide, "pty,raw,echo=0,link=" + sensorSide)
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run socat (apt-get install socat)", e);
    }
    await().atMost(Duration.ofSeconds(10))
        .until(() -> Files.exists(gatewaySide) && Files.exists(sensorSide));
  }

  /** Takes the pair away, like a USB adapter pulled out: both links vanish. */
  void unplug() {
    socat.destroy();
    try {
      assertThat(socat.waitFor()).isNotNegative();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(gatewaySide));
  }

  @Override
  public void close() {
    socat.destroyForcibly();
  }
}
