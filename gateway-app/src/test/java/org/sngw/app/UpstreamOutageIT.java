package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.bridge.BridgeState;
import org.sngw.config.GatewayConfig;
import org.sngw.config.TopicRule.Direction;

/**
 * Store-and-forward: while Mosquitto is down, sensors keep publishing and the gateway keeps
 * acknowledging, across a gateway restart; when Mosquitto is back, every acknowledged message goes
 * up, each sensor's in the order it published them.
 */
class UpstreamOutageIT {
  private static final int SENSORS = 4;
  private static final int PER_SENSOR = 250;
  private static final String APP = "upstream-app";

  @TempDir
  Path dir;

  @Test
  void upstreamDown_gatewayRestarted_everyAcknowledgedMessageArrives_inOrderPerSensor() throws Exception {
    // Persistence keeps the app's session, so what the bridge sends before the app is back is queued for it.
    try (MosquittoBroker upstream = MosquittoBroker.start(dir.resolve("mosquitto"),
            MosquittoBroker.Options.plain().withPersistence());
        Mosquitto.Sub app = Mosquitto.subscribe(upstream.address(), "site-7/sensors/#", 1, "-c", "-i", APP)) {
      GatewayConfig config = TestBridges.gateway(dir.resolve("gateway"), TestBridges.bridge(upstream.uri(),
          List.of(TestBridges.rule("sensors/#", Direction.OUT, "site-7/"))));
      Gateway gateway = Gateway.start(config);
      try {
        Gateway first = gateway;
        await("the bridge connected upstream").atMost(Duration.ofSeconds(15))
            .until(() -> first.bridgeState(TestBridges.NAME).equals(Optional.of(BridgeState.CONNECTED)));

        upstream.stop();
        publishAll(gateway.snAddress(), 0, PER_SENSOR / 2);
        gateway.close();
        gateway = Gateway.start(config);
        publishAll(gateway.snAddress(), PER_SENSOR / 2, PER_SENSOR);
        upstream.start();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(firstArrivals(app.messages()).values().stream().mapToInt(List::size).sum())
                .isEqualTo(SENSORS * PER_SENSOR));
      } finally {
        gateway.close();
      }
      List<Integer> inOrder = IntStream.range(0, PER_SENSOR).boxed().toList();
      Map<String, List<Integer>> arrivals = firstArrivals(app.messages());
      assertThat(arrivals).hasSize(SENSORS);
      arrivals.forEach((topic, sequence) -> assertThat(sequence).as(topic).isEqualTo(inOrder));
    }
  }

  /** Every sensor publishes its numbers {@code from} (inclusive) to {@code to}, each PUBACKed before the next. */
  private static void publishAll(InetSocketAddress gateway, int from, int to) {
    // A thread per sensor: the common pool has a single thread on a two-core Pi.
    ExecutorService threads = Executors.newFixedThreadPool(SENSORS);
    try {
      CompletableFuture<?>[] sensors = IntStream.range(0, SENSORS)
          .mapToObj(number -> CompletableFuture.runAsync(() -> publish(gateway, number, from, to), threads))
          .toArray(CompletableFuture[]::new);
      CompletableFuture.allOf(sensors).join();
    } finally {
      threads.shutdownNow();
    }
  }

  private static void publish(InetSocketAddress gateway, int number, int from, int to) {
    try (SnTestClient sensor = new SnTestClient(gateway)) {
      sensor.connect("sensor-" + number, 60);
      int topicId = sensor.register("sensors/sensor-" + number + "/reading");
      for (int sequence = from; sequence < to; sequence++) {
        sensor.publishQos1(topicId, Integer.toString(sequence).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /**
   * Per topic, the numbers in the order they first arrived: QoS 1 allows a resent copy after a
   * reconnect, but a number never arrives for the first time after a later one.
   */
  private static Map<String, List<Integer>> firstArrivals(List<String> lines) {
    Map<String, LinkedHashSet<Integer>> seen = new TreeMap<>();
    for (String line : lines) {
      if (!line.startsWith("site-7/sensors/")) {
        continue; // not a message: mosquitto_sub's own remarks while it reconnects
      }
      int space = line.indexOf(' ');
      seen.computeIfAbsent(line.substring(0, space), topic -> new LinkedHashSet<>())
          .add(Integer.parseInt(line.substring(space + 1)));
    }
    Map<String, List<Integer>> arrivals = new TreeMap<>();
    seen.forEach((topic, numbers) -> arrivals.put(topic, new ArrayList<>(numbers)));
    return arrivals;
  }
}
