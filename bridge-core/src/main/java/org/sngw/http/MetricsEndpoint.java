package org.sngw.http;

import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.runtime.StartException;
import org.sngw.metrics.GatewayMetrics;
import org.sngw.time.Clock;

/**
 * Serves {@code GET /metrics} in the Prometheus text format on an {@link HttpEndpoint} of its own,
 * so that no client can take it down; its refusals are counted in {@code sngw_metrics_*}.
 */
public final class MetricsEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);

  private final HttpEndpoint http;

  private MetricsEndpoint(HttpEndpoint http) {
    this.http = http;
  }

  /** Binds and starts serving; the message names the address when binding fails. */
  public static MetricsEndpoint start(InetSocketAddress bind, GatewayMetrics metrics) throws StartException {
    return start(bind, metrics, EndpointLimits.DEFAULT);
  }

  static MetricsEndpoint start(InetSocketAddress bind, GatewayMetrics metrics, EndpointLimits limits)
      throws StartException {
    EndpointCounters counters = new EndpointCounters("metrics", metrics, Clock.SYSTEM);
    MetricsEndpoint endpoint =
        new MetricsEndpoint(HttpEndpoint.start("metrics", bind, limits, counters, () -> new ScrapeHandler(metrics, counters)));
    log.info("metrics on http://{}:{}/metrics", bind.getHostString(), endpoint.address().getPort());
    return endpoint;
  }

  public InetSocketAddress address() {
    return http.address();
  }

  /** Stops accepting, closes every connection and ends the endpoint's thread. */
  @Override
  public void close() {
    http.close();
  }
}
