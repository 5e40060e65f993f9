package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.auth.AccessConfig;
import org.sngw.auth.PasswordFile;
import org.sngw.auth.PasswordHash;
import org.sngw.broker.BrokerConfig;
import org.sngw.config.GatewayConfig;
import org.sngw.config.ListenAddress;
import org.sngw.config.StatusConfig;
import org.sngw.config.TopicRule.Direction;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;

/** The status page's door and its bounds, over real HTTP on 127.0.0.1. */
class StatusPageIT {
  private static final String TOKEN = "6f1c0a2b9d8e7f60";

  @TempDir Path dir;
  private Gateway gateway;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void token_opensThePage_andIsSwappedForACookie() throws Exception {
    gateway = Gateway.start(withStatus(LoopbackConfig.withMetrics(dir.resolve("data"), BrokerConfig.defaults()),
        Optional.of(TOKEN)));

    assertThat(get("/", List.of()).statusCode()).isEqualTo(401);
    HttpResponse<String> wrong = get("/?token=not-the-token-at-all", List.of());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).as("no password file to ask for").isEmpty();

    HttpResponse<String> withToken = get("/?token=" + TOKEN, List.of());
    assertThat(withToken.statusCode()).isEqualTo(303);
    assertThat(withToken.headers().firstValue("Location")).hasValue("/");
    String cookie = withToken.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("sngw_status=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict");

    HttpResponse<String> page = get("/", List.of("Cookie", cookie.substring(0, cookie.indexOf(';'))));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script src=\"status.js\"></script>");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        policy -> assertThat(policy).contains("default-src 'none'").contains("frame-ancestors 'none'"));

    HttpResponse<String> api = get("/api/status", List.of("Authorization", "Bearer " + TOKEN));
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).startsWith("{\"version\":\"sngw ").contains("\"sensors\":[]");
    assertThat(scrape()).containsPattern("\nsngw_status_logins_refused_total 1(\\.0)?\n");
  }

  @Test
  void document_hasTheSensorsTheBridgesBacklogAndTheLogsWarnings() throws Exception {
    URI nobody = URI.create("mqtt://127.0.0.1:" + GatewayProcess.freeTcpPort());
    gateway = Gateway.start(withStatus(TestBridges.gateway(dir.resolve("data"), TestBridges.bridge(nobody,
        List.of(TestBridges.rule("sensors/#", Direction.OUT, "site-7/")))), Optional.empty()));
    try (SnTestClient sensor = new SnTestClient(gateway.snAddress())) {
      sensor.connect("api-1", 60);
      sensor.publishQos1(sensor.register("sensors/api-1/t"), "7".getBytes(StandardCharsets.UTF_8));
      // QoS -1 is off: dropped, with a warning in the log
      sensor.send(new SnPacket.Publish(false, SnQos.FIRE_AND_FORGET, false, new SnTopic.Short("zz"), 0, new byte[1]));

      await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(get("/api/status", List.of()).body())
          .contains("{\"clientId\":\"api-1\",\"transport\":\"udp\"")
          .contains("{\"topic\":\"sensors/api-1/t\",\"value\":\"7\"")
          .containsPattern("\\{\"name\":\"site-7\",\"state\":\"(connecting|waiting)\",\"backlog\":1,\"forwarded\":0}")
          .containsPattern("\"warnings\":\\[\"[^\"]*WARN SnGateway - udp:127.0.0.1:[0-9]+ sent a QoS -1 PUBLISH"));
    }
  }

  @Test
  void mqttUsers_whoMayReadEveryTopic_logInWithBasic() throws Exception {
    Path passwords = dir.resolve("passwd");
    PasswordFile.empty(passwords)
        .withUser("alice", PasswordHash.create("s3cret".getBytes(StandardCharsets.UTF_8), new SecureRandom()))
        .withUser("bob", PasswordHash.create("b0b".getBytes(StandardCharsets.UTF_8), new SecureRandom()))
        .write();
    Path acl = Files.writeString(dir.resolve("acl"), "user alice\ntopic read #\nuser bob\ntopic read sensors/#\n");
    GatewayConfig loopback = LoopbackConfig.with(dir.resolve("data"));
    gateway = Gateway.start(withStatus(new GatewayConfig(loopback.transports(), loopback.mqtt(), loopback.dataDir(),
        loopback.store(), loopback.mqttSn(), loopback.broker(), Optional.empty(), List.of(),
        new AccessConfig(Optional.of(passwords), Optional.empty(), Optional.of(acl)), Optional.empty()),
        Optional.empty()));
    assertThat(get("/", List.of("Authorization", basic("bob", "b0b"))).statusCode())
        .as("the page shows every topic's values; bob may read only some").isEqualTo(401);

    HttpResponse<String> anonymous = get("/", List.of());
    assertThat(anonymous.statusCode()).as("a password file closes loopback too, as for MQTT").isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"sngw status\", charset=\"UTF-8\"");
    assertThat(get("/", List.of("Authorization", basic("alice", "wrong"))).statusCode()).isEqualTo(401);
    assertThat(get("/", List.of("Authorization", basic("mallory", "s3cret"))).statusCode()).isEqualTo(401);
    HttpResponse<String> alice = get("/status.js", List.of("Authorization", basic("alice", "s3cret")));
    assertThat(alice.statusCode()).isEqualTo(200);
    assertThat(alice.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    assertThat(alice.headers().firstValue("Set-Cookie")).isPresent();
  }

  @Test
  void onlyGet_andOnlyThePagesFiles() throws Exception {
    gateway = Gateway.start(withStatus(LoopbackConfig.with(dir.resolve("data")), Optional.empty()));

    assertThat(get("/etc/passwd", List.of()).statusCode()).isEqualTo(404);
    assertThat(get("/../status.js", List.of()).statusCode()).isEqualTo(404);
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/api/status"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void streams_areCapped_andOutliveTheRequestDeadline() throws Exception {
    gateway = Gateway.start(withStatus(LoopbackConfig.with(dir.resolve("data")), Optional.empty()));
    List<BufferedReader> streams = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(uri("/events")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        streams.add(new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8)));
      }
      assertThat(get("/events", List.of()).statusCode()).as("a ninth").isEqualTo(503);
      assertThat(get("/", List.of()).statusCode()).as("the page itself still loads").isEqualTo(200);

      BufferedReader first = streams.get(0);
      assertThat(first.readLine()).isEqualTo("retry: 3000");
      long until = System.nanoTime() + Duration.ofSeconds(12).toNanos();
      int documents = 0;
      while (System.nanoTime() < until) {
        String line = first.readLine();
        assertThat(line).as("the stream is still open").isNotNull();
        if (line.startsWith("data: {")) {
          documents++;
        }
      }
      assertThat(documents).as("one every 2 s, past the 10 s a request may take").isGreaterThanOrEqualTo(5);
    } finally {
      for (BufferedReader stream : streams) {
        stream.close();
      }
    }
  }

  private static GatewayConfig withStatus(GatewayConfig config, Optional<String> token) {
    return config.withStatus(Optional.of(new StatusConfig(new ListenAddress("127.0.0.1", 0), token)));
  }

  private HttpResponse<String> get(String path, List<String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.size(); i += 2) {
      request.header(headers.get(i), headers.get(i + 1));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String scrape() throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.metricsAddress().getPort()
        + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + gateway.statusAddress().getPort() + path);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
