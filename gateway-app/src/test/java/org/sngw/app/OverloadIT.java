package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.broker.BrokerConfig;
import org.sngw.config.GatewayConfig;

/**
 * One slow or gone subscriber must not make the gateway refuse anyone else (issue 11): a full
 * subscriber queue used to answer every publisher of a matching topic "rejected: congestion". Now
 * an offline session drops its own oldest messages, and a connected one that does not keep up holds
 * its publishers back for at most the hold time (2 s) and then drops its own oldest. Sensors over
 * real UDP, MQTT clients as mosquitto_pub/mosquitto_sub and one hand-written MQTT client that never
 * reads; small queue bounds, so that a queue is full after a few dozen messages.
 */
class OverloadIT {
  private static final int MAX_QUEUED = 50;
  private static final Duration AWAIT = Duration.ofSeconds(30);

  @TempDir
  Path dataDir;

  private Gateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  // Reproduces issue 11, defect 1: an abandoned persistent session on '#' got all QoS 1 refused, restart or not.
  @Test
  void abandonedPersistentSession_othersStillAccepted_acrossARestart_andItGetsItsNewest() throws Exception {
    GatewayConfig config = config(MAX_QUEUED);
    gateway = Gateway.start(config);
    Mosquitto.subscribe(gateway.mqttAddress(), "#", 1, "-c", "-i", "evil", "-E").close();
    List<String> published = new ArrayList<>();
    List<String> flood = numbered("m", 4 * MAX_QUEUED);
    Mosquitto.publishLines(gateway.mqttAddress(), "load/evil", flood, 1);
    flood.forEach(payload -> published.add("load/evil " + payload));

    othersArePublishedAndDelivered("before-restart", published);
    gateway.close();
    gateway = Gateway.start(config);
    othersArePublishedAndDelivered("after-restart", published);

    List<String> newest = published.subList(published.size() - MAX_QUEUED, published.size());
    try (Mosquitto.Sub evil = Mosquitto.subscribe(gateway.mqttAddress(), "#", 1, "-c", "-i", "evil")) {
      await().atMost(AWAIT).untilAsserted(() -> assertThat(evil.messages()).containsExactlyElementsOf(newest));
    }
  }

  // Reproduces issue 11, defect 1, its second case: a connected subscriber on '#' that never reads did the same.
  @Test
  void connectedSubscriberThatNeverReads_publishesStillAccepted_andItAloneLosesMessages() throws Exception {
    gateway = Gateway.start(config(20));
    int count = 4 * (20 + BrokerConfig.defaults().mqttInflightWindow());
    try (Socket stuck = subscribeAndNeverRead(gateway.mqttAddress(), "stuck", "#");
        Mosquitto.Sub watcher = Mosquitto.subscribe(gateway.mqttAddress(), "#", 1);
        SnTestClient sensor = new SnTestClient(gateway.snAddress())) {
      sensor.connect("busy-sensor", 60);
      int topicId = sensor.register("sensors/busy-sensor/data");
      List<String> payloads = numbered("r", count);
      // Each PUBACK must come ACCEPTED within the client's receive timeout (10 s): at most one hold of 2 s.
      payloads.forEach(payload -> sensor.publishQos1(topicId, bytes(payload)));

      List<String> expected = payloads.stream().map(payload -> "sensors/busy-sensor/data " + payload).toList();
      await().atMost(AWAIT).untilAsserted(() -> assertThat(watcher.messages()).containsExactlyElementsOf(expected));
      String metrics = scrape();
      assertThat(metric(metrics, "sngw_broker_client_messages_dropped{client=\"stuck\"}")).isPositive();
      assertThat(metric(metrics, "sngw_broker_subscribers_behind_total")).isPositive();
      assertThat(metric(metrics, "sngw_broker_messages_refused_total")).isZero();
    }
  }

  // Issue 11, "Shown by": an offline persistent subscriber with a full queue changes nothing for sensors and others.
  @Test
  void offlinePersistentSubscriberWithAFullQueue_othersSeeExactlyWhatWasPublished() throws Exception {
    gateway = Gateway.start(config(MAX_QUEUED));
    Mosquitto.subscribe(gateway.mqttAddress(), "sensors/#", 1, "-c", "-i", "offline-app", "-E").close();
    Mosquitto.publishLines(gateway.mqttAddress(), "sensors/filler/data", numbered("f", MAX_QUEUED + 10), 1);
    assertThat(metric(scrape(), "sngw_broker_client_messages_dropped{client=\"offline-app\"}"))
        .as("offline-app's queue is full").isPositive();

    try (Mosquitto.Sub app = Mosquitto.subscribe(gateway.mqttAddress(), "sensors/#", 1);
        SnTestClient sensor = new SnTestClient(gateway.snAddress())) {
      sensor.connect("sensor-3", 60);
      int topicId = sensor.register("sensors/sensor-3/data");
      List<String> payloads = numbered("s", 20);
      payloads.forEach(payload -> sensor.publishQos1(topicId, bytes(payload)));

      List<String> expected = payloads.stream().map(payload -> "sensors/sensor-3/data " + payload).toList();
      await().atMost(AWAIT).untilAsserted(() -> assertThat(app.messages()).containsExactlyElementsOf(expected));
      assertThat(metric(scrape(), "sngw_broker_messages_refused_total")).isZero();
    }
  }

  /**
   * A sensor's QoS 1 publish and a mosquitto_pub -q 1 are both accepted and reach a clean
   * subscriber on '#'; both are added to {@code published}.
   */
  private void othersArePublishedAndDelivered(String tag, List<String> published) {
    try (Mosquitto.Sub clean = Mosquitto.subscribe(gateway.mqttAddress(), "#", 1);
        SnTestClient sensor = new SnTestClient(gateway.snAddress())) {
      sensor.connect("sensor-1", 60);
      int topicId = sensor.register("sensors/sensor-1/data");
      sensor.publishQos1(topicId, bytes(tag));
      Mosquitto.publish(gateway.mqttAddress(), "app/status", tag, 1);

      List<String> expected = List.of("sensors/sensor-1/data " + tag, "app/status " + tag);
      await().atMost(AWAIT).untilAsserted(() -> assertThat(clean.messages()).containsExactlyElementsOf(expected));
      published.addAll(expected);
    }
  }

  private GatewayConfig config(int maxQueuedMessages) {
    BrokerConfig defaults = BrokerConfig.defaults();
    return LoopbackConfig.withMetrics(dataDir,
        new BrokerConfig(maxQueuedMessages, defaults.mqttInflightWindow(), defaults.maxMessageBytes()));
  }

  /**
   * An MQTT 3.1.1 client by hand: CONNECT (clean session, no keep-alive) and SUBSCRIBE at QoS 1,
   * reads CONNACK and SUBACK, and from then on reads nothing.
   */
  private static Socket subscribeAndNeverRead(InetSocketAddress broker, String clientId, String filter)
      throws IOException {
    Socket socket = new Socket(broker.getAddress(), broker.getPort());
    socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    byte[] id = bytes(clientId);
    byte[] connect = concat(new byte[] {
        0x10, (byte) (12 + id.length),                  // CONNECT, remaining length
        0x00, 0x04, 'M', 'Q', 'T', 'T',                 // protocol name
        0x04,                                           // protocol level 4: MQTT 3.1.1
        0x02,                                           // flags: clean session
        0x00, 0x00,                                     // keep-alive 0: none
        0x00, (byte) id.length}, id);                   // client id
    out.write(connect);
    assertThat(in.readNBytes(4)).as("CONNACK accepted").containsExactly(0x20, 0x02, 0x00, 0x00);
    byte[] topic = bytes(filter);
    byte[] subscribe = concat(concat(new byte[] {
        (byte) 0x82, (byte) (5 + topic.length),         // SUBSCRIBE, remaining length
        0x00, 0x01,                                     // packet id 1
        0x00, (byte) topic.length}, topic),             // topic filter
        new byte[] {0x01});                             // requested QoS 1
    out.write(subscribe);
    assertThat(in.readNBytes(5)).as("SUBACK granted QoS 1").containsExactly(0x90, 0x03, 0x00, 0x01, 0x01);
    return socket;
  }

  private String scrape() throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + gateway.metricsAddress().getPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** The value of the sample named exactly so, labels included; fails when it is not there. */
  private static double metric(String exposition, String sample) {
    Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(exposition);
    assertThat(matcher.find()).as(sample + " in\n" + exposition).isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  private static List<String> numbered(String prefix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
