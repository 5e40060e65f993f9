package org.sngw.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves {@code GET /metrics} in the Prometheus text format, on the JDK's small HTTP server. */
public final class MetricsEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);

  private final HttpServer server;

  private MetricsEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Binds and starts serving; the message names the address when binding fails. */
  public static MetricsEndpoint start(InetSocketAddress bind, GatewayMetrics metrics) throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(bind, 8);
    } catch (IOException e) {
      throw new IOException("metrics endpoint cannot bind " + bind.getHostString() + ":" + bind.getPort()
          + ": " + e.getMessage(), e);
    }
    server.createContext("/metrics", exchange -> serve(exchange, metrics));
    server.start();
    log.info("metrics on http://{}:{}/metrics", bind.getHostString(), server.getAddress().getPort());
    return new MetricsEndpoint(server);
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  private static void serve(HttpExchange exchange, GatewayMetrics metrics) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
