package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.bridge.Bridge;
import org.sngw.config.BridgeConfig;
import org.sngw.config.UpstreamUri;

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
    try (MosquittoBroker upstream = MosquittoBroker.start(dir.resolve("mosquitto"), MosquittoBroker.Options.plain())) {
      String uri = upstream.uri().toString();
      // --upstream makes a bridge named upstream-1 with the defaults.
      String status = Bridge.upstreamStatusTopic(BridgeConfig.defaults("upstream-1", UpstreamUri.parse(uri)));
      try (Mosquitto.Sub app = Mosquitto.subscribe(upstream.address(), status, 1);
          GatewayProcess gateway = GatewayProcess.start("--udp", "127.0.0.1:0", "--mqtt", "127.0.0.1:0",
              "--data-dir", dir.resolve("gateway").toString(), "--upstream", uri)) {
        await().atMost(STATUS).untilAsserted(() -> assertThat(app.messages()).as("gateway log: %s", gateway.log())
            .containsExactly(status + " connected"));

        gateway.kill();

        await().atMost(STATUS).untilAsserted(() -> assertThat(app.messages()).as("Mosquitto log: %s", upstream.log())
            .containsExactly(status + " connected", status + " disconnected"));
      }
    }
  }
}
