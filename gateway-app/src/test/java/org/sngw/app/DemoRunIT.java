package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.RequiredTool;
import org.sngw.app.simulate.demo.DemoRun;

/** {@code simulate --demo}'s sensors against real gateways, watched with Debian's mosquitto_sub as a user would. */
class DemoRunIT {
  @TempDir Path dir;

  @Test
  void inProcess_sensorsOverUdpAndASerialPty_publish_andTheSleepersSleep() throws Exception {
    RequiredTool.require(Commands.succeeds(List.of("socat", "-V")), "socat", "socat");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    DemoRun demo = new DemoRun(new DemoRun.Plan(Optional.empty(), Optional.of(Duration.ofSeconds(40))),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> execute(demo));
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> demo.gateway().isPresent());
      Gateway gateway = demo.gateway().orElseThrow();
      try (Mosquitto.Sub watch = Mosquitto.subscribe(gateway.mqttAddress(), "sensors/#", 1)) {
        await().atMost(Duration.ofSeconds(25)).untilAsserted(() -> assertThat(topics(watch)).contains(
            "sensors/kitchen-1/temperature", "sensors/kitchen-1/humidity", "sensors/kitchen-1/battery",
            "sensors/shed-5/temperature", "sensors/garage-3/battery", "sensors/garden-4/soil_moisture"));
      }
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .containsPattern("garage-3 +udp +asleep for up to 30 s")
          .containsPattern("shed-5 +serial .* temperature -?[0-9]+\\.[0-9] °C");
      await().atMost(Duration.ofSeconds(15)).until(() -> Mosquitto.retained(gateway.mqttAddress(),
          "$SYS/broker/gateway/sn/sensors/asleep/udp").stream().anyMatch(line -> !line.endsWith("\t0")));
    } finally {
      demo.stop();
    }
    assertThat(run.get()).isZero();
  }

  @Test
  void againstAGatewayAtAnAddress_itsUdpSensorsPublishThere() throws Exception {
    try (Gateway gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data")));
        Mosquitto.Sub watch = Mosquitto.subscribe(gateway.mqttAddress(), "sensors/#", 1)) {
      DemoRun demo = new DemoRun(new DemoRun.Plan(Optional.of(gateway.snAddress()), Optional.of(Duration.ofSeconds(30))),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> execute(demo));
      try {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(topics(watch))
            .contains("sensors/kitchen-1/temperature", "sensors/bedroom-2/humidity")
            .noneMatch(topic -> topic.startsWith("sensors/shed-5/")));
      } finally {
        demo.stop();
      }
      assertThat(run.get()).isZero();
    }
  }

  private static List<String> topics(Mosquitto.Sub watch) {
    return watch.messages().stream().map(line -> line.substring(0, line.indexOf(' '))).toList();
  }

  private static int execute(DemoRun demo) {
    try {
      return demo.execute();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
