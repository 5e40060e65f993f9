package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gateway.jar simulate} as a user runs it: against a running gateway, and against its null sink. */
class SimulateIT {
  @Test
  void againstARunningGateway_everyMessageIsAcknowledgedAndDeliveredOnce() {
    int udp = GatewayProcess.freeUdpPort();
    int mqtt = GatewayProcess.freeTcpPort();
    try (GatewayProcess gateway = GatewayProcess.start("--udp", "127.0.0.1:" + udp, "--mqtt", "127.0.0.1:" + mqtt,
        "--in-memory")) {
      GatewayProcess simulate = simulateAgainst(udp, mqtt, "--clients", "20", "--warmup", "0", "--duration", "2",
          "--subscriber", "clean", "--json");

      assertThat(simulate.awaitExit()).as("exit status; output: %s", simulate.log()).isZero();
      String json = summary(simulate.log());
      assertThat(number(json, "ackedPerSecond")).isPositive();
      assertThat(number(json, "timeouts") + number(json, "rejected") + number(json, "unexpected")).isZero();
      assertThat(number(json, "distinct")).as("every message sent reached the subscriber")
          .isEqualTo(number(json, "sent"));
      assertThat(number(json, "lost") + number(json, "duplicates")).isZero();
      assertThat(number(json, "lostWhileMeasuring")).isZero();
      assertThat(simulate.log()).as("a line per second while measuring")
          .filteredOn(line -> line.matches("\\s*\\d+ s measuring sent .*")).hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void severalSubscribers_eachGetsEveryMessage() {
    int udp = GatewayProcess.freeUdpPort();
    int mqtt = GatewayProcess.freeTcpPort();
    try (GatewayProcess gateway = GatewayProcess.start("--udp", "127.0.0.1:" + udp, "--mqtt", "127.0.0.1:" + mqtt,
        "--in-memory")) {
      GatewayProcess simulate = simulateAgainst(udp, mqtt, "--clients", "10", "--warmup", "0", "--duration", "2",
          "--subscriber", "clean", "--subscribers", "3", "--json");

      assertThat(simulate.awaitExit()).as("exit status; output: %s", simulate.log()).isZero();
      String json = summary(simulate.log());
      assertThat(number(json, "subscribers")).isEqualTo(3);
      assertThat(number(json, "distinct")).as("every message reached each of the three")
          .isEqualTo(3 * number(json, "sent"));
      assertThat(number(json, "lost") + number(json, "duplicates")).isZero();
    }
  }

  @Test
  void sleepingClients_sleepWakeAndPublish_andLeaveNoSessionBehind(@TempDir Path dataDir) {
    int udp = GatewayProcess.freeUdpPort();
    int mqtt = GatewayProcess.freeTcpPort();
    String[] gatewayArgs = {"--udp", "127.0.0.1:" + udp, "--mqtt", "127.0.0.1:" + mqtt, "--data-dir", dataDir.toString()};
    try (GatewayProcess gateway = GatewayProcess.start(gatewayArgs)) {
      GatewayProcess simulate = simulateAgainst(udp, mqtt, "--clients", "20", "--sleep", "1", "--warmup", "0",
          "--duration", "3", "--subscriber", "clean", "--json");

      assertThat(simulate.awaitExit()).as("exit status; output: %s", simulate.log()).isZero();
      String json = summary(simulate.log());
      assertThat(number(json, "wakeUps")).as("each client woke at least twice").isGreaterThanOrEqualTo(40);
      assertThat(number(json, "sleeps")).isGreaterThanOrEqualTo(number(json, "wakeUps"));
      assertThat(number(json, "wakeRefusals") + number(json, "rejected") + number(json, "unexpected")).isZero();
      assertThat(number(json, "distinct")).as("every message sent reached the subscriber")
          .isEqualTo(number(json, "sent"));
      assertThat(gateway.stop()).isZero();
    }
    try (GatewayProcess restarted = GatewayProcess.start(gatewayArgs)) {
      assertThat(restarted.log()).as("the sleeping clients' sessions were ended at the end of the run")
          .anyMatch(line -> line.contains("(0 persistent sessions"));
    }
  }

  @Test
  void nullSink_acknowledgesEverything_withNoGatewayAtAll() {
    GatewayProcess simulate = GatewayProcess.launch("simulate", "--null-sink", "--clients", "10", "--qos", "2",
        "--warmup", "0", "--duration", "1", "--json");

    assertThat(simulate.awaitExit()).as("exit status; output: %s", simulate.log()).isZero();
    String json = summary(simulate.log());
    assertThat(json).contains("\"target\":\"null_sink\"");
    assertThat(number(json, "ackedPerSecond")).isPositive();
    assertThat(number(json, "timeouts")).isZero();
  }

  @Test
  void wrongOptions_exit2NamingEach() {
    GatewayProcess simulate = GatewayProcess.launch("simulate", "--clients", "0", "--gateway", "127.0.0.1:0");

    assertThat(simulate.awaitExit()).isEqualTo(2);
    assertThat(String.join("\n", simulate.log())).contains("--clients must be 1..10000")
        .contains("--gateway must be one host's address");
  }

  /** {@code simulate} against the gateway listening on these loopback ports, with these options. */
  private static GatewayProcess simulateAgainst(int udp, int mqtt, String... options) {
    List<String> args = new ArrayList<>(
        List.of("simulate", "--gateway", "127.0.0.1:" + udp, "--mqtt", "127.0.0.1:" + mqtt));
    args.addAll(List.of(options));
    return GatewayProcess.launch(args.toArray(String[]::new));
  }

  /** The JSON summary: the one line of output that is an object. */
  private static String summary(List<String> output) {
    return output.stream().filter(line -> line.startsWith("{")).reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no JSON summary in " + output));
  }

  /** The number under {@code key}, the first time it appears. */
  private static double number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.]+)").matcher(json);
    assertThat(m.find()).as("%s in %s", key, json).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
