package org.sngw.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sngw.metrics.GatewayMetrics;
import org.sngw.runtime.StartException;

/** The endpoint against clients that misbehave: idle, trickling, too many, or asking for the wrong thing. */
class MetricsEndpointIT {
  private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);
  /** Longer than any scrape of a handful of counters takes on a loaded machine. */
  private static final Duration PROMPT = Duration.ofSeconds(2);
  private static final EndpointLimits SHORT_DEADLINE = EndpointLimits.DEFAULT.withDeadline(Duration.ofSeconds(1));

  private final GatewayMetrics metrics = new GatewayMetrics();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PROMPT).build();
  private final List<RawConnection> raw = new ArrayList<>();
  private MetricsEndpoint endpoint;

  @AfterEach
  void stop() {
    raw.forEach(RawConnection::close);
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Test
  void get_metrics_servesThePrometheusText() throws Exception {
    metrics.counter("sngw.test.events", "events", () -> 3);
    endpoint = MetricsEndpoint.start(LOOPBACK, metrics);

    HttpResponse<String> response = send("GET", "/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).contains("sngw_test_events_total 3.0");
  }

  @Test
  void get_metricsWithAQuery_servesThePrometheusText() throws Exception {
    endpoint = MetricsEndpoint.start(LOOPBACK, metrics);

    assertThat(send("GET", "/metrics?module=sngw").statusCode()).isEqualTo(200);
  }

  @Test
  void scrape_whileAnotherConnectionSitsIdle_answersAtOnce() throws Exception {
    endpoint = MetricsEndpoint.start(LOOPBACK, metrics);
    raw.add(RawConnection.idle(endpoint.address()));

    assertThat(send("GET", "/metrics").statusCode()).isEqualTo(200);
  }

  @Test
  void idleConnectionsBeyondTheCap_areRefusedAtOnce_andTheDeadlineFreesRoomForAScrape() throws Exception {
    endpoint = MetricsEndpoint.start(LOOPBACK, metrics, SHORT_DEADLINE);
    for (int i = 0; i < 20; i++) {
      raw.add(RawConnection.idle(endpoint.address()));
    }

    List<RawConnection> refused = raw.subList(16, 20);
    for (RawConnection connection : refused) {
      assertThat(connection.readUntilClosed(PROMPT)).as("closed without an answer").isEmpty();
    }
    assertThat(metrics.scrape()).contains("sngw_metrics_connections_refused_total 4.0");
    await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> send("GET", "/metrics").statusCode() == 200);
    await().untilAsserted(() -> assertThat(metrics.scrape()).contains("sngw_metrics_connections_expired_total 16.0"));
  }

  @Test
  void trickle_oneBytePerTenthOfASecond_isClosedByTheDeadlineFromAccept() throws Exception {
    endpoint = MetricsEndpoint.start(LOOPBACK, metrics, SHORT_DEADLINE);
    RawConnection trickle = new RawConnection(endpoint.address());
    raw.add(trickle);
    String request = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + "a".repeat(200) + "\r\n\r\n";
    long start = System.nanoTime();

    String answer = null;
    for (int i = 0; i < request.length() && answer == null; i++) {
      answer = trickle.send(request.substring(i, i + 1)) ? trickle.readUntilClosed(Duration.ofMillis(100)) : "";
    }

    assertThat(answer).as("closed without an answer, not after the whole request").isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
    assertThat(metrics.scrape()).contains("sngw_metrics_connections_expired_total 1.0");
  }

  @Test
  void get_otherPaths_answer404() throws Exception {
    endpoint = MetricsEndpoint.start(LOOPBACK, metrics);

    assertThat(send("GET", "/metricsXYZ").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/metrics/x").statusCode()).isEqualTo(404);
  }

  @Test
  void post_metrics_answers405() throws Exception {
    endpoint = MetricsEndpoint.start(LOOPBACK, metrics);

    HttpResponse<String> response = send("POST", "/metrics");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void headersOverTheBound_areAnswered431AndCounted() throws Exception {
    endpoint = MetricsEndpoint.start(LOOPBACK, metrics);
    RawConnection client = new RawConnection(endpoint.address());
    raw.add(client);

    client.send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + "a".repeat(10_000) + "\r\n\r\n");

    assertThat(client.readUntilClosed(PROMPT)).startsWith("HTTP/1.1 431 ");
    assertThat(metrics.scrape()).contains("sngw_metrics_requests_rejected_total{reason=\"too_large\"} 1.0");
  }

  @Test
  void garbage_isAnswered400AndCounted() throws Exception {
    endpoint = MetricsEndpoint.start(LOOPBACK, metrics);
    RawConnection client = new RawConnection(endpoint.address());
    raw.add(client);

    client.send("\u0001\u0002 not http at all\r\n\r\n");

    assertThat(client.readUntilClosed(PROMPT)).startsWith("HTTP/1.1 400 ");
    assertThat(metrics.scrape()).contains("sngw_metrics_requests_rejected_total{reason=\"malformed\"} 1.0");
  }

  @Test
  void pipelinedRequests_getOneAnswerAndTheConnectionCloses() throws Exception {
    endpoint = MetricsEndpoint.start(LOOPBACK, metrics);
    RawConnection client = new RawConnection(endpoint.address());
    raw.add(client);

    // few enough to arrive in one read: a close with unread input would reset the connection
    client.send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(3));

    String answers = client.readUntilClosed(PROMPT);
    assertThat(answers).startsWith("HTTP/1.1 200 ");
    assertThat(answers.split("HTTP/1.1 ", -1)).hasSize(2);
  }

  @Test
  void start_portInUse_failsNamingAddressAndReason() throws Exception {
    endpoint = MetricsEndpoint.start(LOOPBACK, metrics);
    InetSocketAddress taken = endpoint.address();

    assertThatThrownBy(() -> MetricsEndpoint.start(taken, new GatewayMetrics()))
        .isInstanceOf(StartException.class)
        .hasMessage("metrics endpoint cannot bind 127.0.0.1:" + taken.getPort() + ": Address already in use");
  }

  private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + endpoint.address().getPort() + path);
    return http.send(HttpRequest.newBuilder(uri).timeout(PROMPT).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
