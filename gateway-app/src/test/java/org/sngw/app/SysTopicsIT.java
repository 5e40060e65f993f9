package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.broker.BrokerConfig;
import org.sngw.sn.codec.SnPacket;

/**
 * The gateway's counters as retained $SYS topics, read by Debian's mosquitto_sub while MQTT-SN
 * sensors talk over real UDP, and the same figures on the Prometheus endpoint.
 */
class SysTopicsIT {
  private static final Duration SYS_INTERVAL = Duration.ofSeconds(1);

  @TempDir Path dir;
  private Gateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void sysTopics_followTheSensorsAndClients_andAgreeWithPrometheus() throws Exception {
    gateway = Gateway.start(LoopbackConfig.withMetrics(dir.resolve("data"),
        BrokerConfig.defaults().withSysInterval(SYS_INTERVAL)));
    try (Mosquitto.Sub app = Mosquitto.subscribe(gateway.mqttAddress(), "sensors/#", 1);
        SnTestClient awake = new SnTestClient(gateway.snAddress());
        SnTestClient sleeper = new SnTestClient(gateway.snAddress())) {
      awake.connect("sys-1", 60);
      awake.publishQos1(awake.register("sensors/sys-1/t"), "21".getBytes(StandardCharsets.UTF_8));
      sleeper.connect("sys-2", 60);
      sleeper.register("sensors/sys-2/t");
      sleeper.send(new SnPacket.Disconnect(OptionalInt.of(300)));
      sleeper.receive();

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(retainedSys())
          .containsEntry("$SYS/broker/gateway/sn/sensors/active/udp", "1")
          .containsEntry("$SYS/broker/gateway/sn/sensors/asleep/udp", "1")
          .containsEntry("$SYS/broker/gateway/sn/registrations", "2")
          .containsEntry("$SYS/broker/messages/received", "1"));
      Map<String, String> sys = retainedSys();
      assertThat(sys.get("$SYS/broker/version")).startsWith("sngw ");
      assertThat(sys.get("$SYS/broker/uptime")).matches("[0-9]+ seconds");
      // The app's subscription, and the reader's own while it reads.
      assertThat(sys.get("$SYS/broker/subscriptions/count")).isIn("1", "2");
      assertThat(Long.parseLong(sys.get("$SYS/broker/bytes/received"))).as("MQTT and MQTT-SN bytes").isPositive();
      assertThat(Long.parseLong(sys.get("$SYS/broker/bytes/sent"))).isPositive();
      assertThat(sys).containsKeys("$SYS/broker/clients/connected", "$SYS/broker/clients/total",
          "$SYS/broker/messages/sent", "$SYS/broker/retained messages/count", "$SYS/broker/store/messages/bytes",
          "$SYS/broker/gateway/sn/malformed/length_mismatch", "$SYS/broker/gateway/udp/frames/dropped");

      // One source: what $SYS says is what Prometheus says, for counters that hold still meanwhile.
      String scrape = scrape();
      assertThat(prometheus(scrape, "sngw_sn_sensors_active\\{transport=\"udp\"}")).isEqualTo("1");
      assertThat(prometheus(scrape, "sngw_sn_registrations")).isEqualTo(sys.get("$SYS/broker/gateway/sn/registrations"));
      assertThat(prometheus(scrape, "sngw_broker_messages_received_total"))
          .isEqualTo(sys.get("$SYS/broker/messages/received"));
    }
  }

  @Test
  void sysInterval_zero_publishesNoSysTopics() throws Exception {
    gateway = Gateway.start(LoopbackConfig.withMetrics(dir.resolve("data"),
        BrokerConfig.defaults().withSysInterval(Duration.ZERO)));
    Thread.sleep(SYS_INTERVAL.multipliedBy(2).toMillis());

    assertThat(retainedSys().keySet()).as("only the store's state, which is not a counter")
        .containsExactly("$SYS/broker/store/state");
  }

  /** Every retained $SYS topic now, read the way a dashboard reads them: mosquitto_sub with a timeout. */
  private Map<String, String> retainedSys() {
    List<String> lines = Mosquitto.retained(gateway.mqttAddress(), "$SYS/#");
    return lines.stream().collect(Collectors.toMap(
        line -> line.substring(0, line.indexOf('\t')), line -> line.substring(line.indexOf('\t') + 1), (a, b) -> b));
  }

  private String scrape() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + gateway.metricsAddress().getPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.body();
  }

  /** A sample's value as $SYS writes it: a whole number without Prometheus's ".0". */
  private static String prometheus(String scrape, String sample) {
    Matcher m = Pattern.compile("(?m)^" + sample + " ([0-9.]+)$").matcher(scrape);
    assertThat(m.find()).as("%s in %s", sample, scrape).isTrue();
    return Long.toString((long) Double.parseDouble(m.group(1)));
  }
}
