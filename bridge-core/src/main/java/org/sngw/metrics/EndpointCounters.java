package org.sngw.metrics;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.sngw.logging.RateLimitedWarning;
import org.sngw.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every client the metrics endpoint turns away, by reason: counted in the gateway's metrics and
 * warned about in the log, at most once per reason every 10 s, naming the client.
 */
final class EndpointCounters {
  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);
  private static final Duration WARN_INTERVAL = Duration.ofSeconds(10);

  private final LongAdder refused = new LongAdder();
  private final LongAdder expired = new LongAdder();
  private final LongAdder tooLarge = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private final RateLimitedWarning refusedWarning;
  private final RateLimitedWarning expiredWarning;
  private final RateLimitedWarning tooLargeWarning;
  private final RateLimitedWarning malformedWarning;

  EndpointCounters(GatewayMetrics metrics, Clock clock) {
    refusedWarning = new RateLimitedWarning(log, WARN_INTERVAL, clock);
    expiredWarning = new RateLimitedWarning(log, WARN_INTERVAL, clock);
    tooLargeWarning = new RateLimitedWarning(log, WARN_INTERVAL, clock);
    malformedWarning = new RateLimitedWarning(log, WARN_INTERVAL, clock);
    metrics.counter("sngw.metrics.connections.refused", "metrics connections closed at once: the connection cap was reached",
        refused::sum);
    metrics.counter("sngw.metrics.connections.expired",
        "metrics connections closed at their deadline: no whole request answered in time", expired::sum);
    String rejected = "metrics requests answered with an error: too large or not HTTP";
    metrics.counter("sngw.metrics.requests.rejected", rejected, "reason", "too_large", tooLarge::sum);
    metrics.counter("sngw.metrics.requests.rejected", rejected, "reason", "malformed", malformed::sum);
  }

  void refused(SocketAddress client, int open) {
    refused.increment();
    refusedWarning.warn("metrics endpoint refused a connection from {}: {} are open, the most it takes", client, open);
  }

  void expired(SocketAddress client, Duration deadline) {
    expired.increment();
    expiredWarning.warn("metrics endpoint closed the connection from {}: no whole request answered within {} ms",
        client, deadline.toMillis());
  }

  void tooLarge(SocketAddress client) {
    tooLarge.increment();
    tooLargeWarning.warn("metrics endpoint rejected a request from {}: too large", client);
  }

  void malformed(SocketAddress client, Throwable cause) {
    malformed.increment();
    malformedWarning.warn("metrics endpoint rejected a request from {}: not HTTP ({})", client, cause.getMessage());
  }
}
