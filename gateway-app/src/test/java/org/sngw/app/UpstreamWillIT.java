package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.config.BridgeConfig;

/**
 * A gateway that dies without a word (kill -9, a power cut) still turns its upstream status to
 * "disconnected": Mosquitto publishes the bridge's will. Run as the packaged jar with
 * {@code --upstream}, as a user starts it, since only a separate process can be killed.
 */
class UpstreamWillIT {
  private static final Duration STATUS = Duration.ofSeconds(15);

  @TempDir
  Path dir;

  @Test
  void killedGateway_upstreamStatusTurnsDisconnected() {
    // The default status topic carries the bridge's name in one level: "+" matches whatever it is.
    // Mosquitto silently drops what ordinary clients publish under $SYS/, wills included: a default
    // there would be invisible upstream, and this test would say so.
    String statusFilter = BridgeConfig.defaultStatusTopic("+");
    try (MosquittoBroker upstream = MosquittoBroker.start(dir.resolve("mosquitto"), MosquittoBroker.Options.plain());
        Mosquitto.Sub app = Mosquitto.subscribe(upstream.address(), statusFilter, 1);
        GatewayProcess gateway = GatewayProcess.start("--udp", "127.0.0.1:0", "--mqtt", "127.0.0.1:0",
            "--data-dir", dir.resolve("gateway").toString(), "--upstream", upstream.uri().toString())) {
      await().atMost(STATUS).untilAsserted(() -> assertThat(app.messages())
          .as("status on %s; gateway log: %s", statusFilter, gateway.log()).last().asString().endsWith(" connected"));

      gateway.kill();

      await().atMost(STATUS).untilAsserted(() -> assertThat(app.messages())
          .as("status on %s; Mosquitto log: %s", statusFilter, upstream.log())
          .last().asString().endsWith(" disconnected"));
    }
  }
}
