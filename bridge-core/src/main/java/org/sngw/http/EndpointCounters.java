package org.sngw.http;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.logging.RateLimitedWarning;
import org.sngw.metrics.GatewayMetrics;
import org.sngw.time.Clock;

/**
 * Every client an HTTP endpoint turns away, by reason: counted in the gateway's metrics as
 * {@code sngw.NAME.*} and warned about in the log, at most once per reason every 10 s, naming the
 * client.
 */
public final class EndpointCounters {
  private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);
  private static final Duration WARN_INTERVAL = Duration.ofSeconds(10);

  private final String name;
  private final LongAdder refused = new LongAdder();
  private final LongAdder expired = new LongAdder();
  private final LongAdder tooLarge = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private final RateLimitedWarning refusedWarning;
  private final RateLimitedWarning expiredWarning;
  private final RateLimitedWarning tooLargeWarning;
  private final RateLimitedWarning malformedWarning;

  /** @param name the endpoint's, in its metric names and log lines: {@code metrics}, {@code status} */
  public EndpointCounters(String name, GatewayMetrics metrics, Clock clock) {
    this.name = name;
    refusedWarning = new RateLimitedWarning(log, WARN_INTERVAL, clock);
    expiredWarning = new RateLimitedWarning(log, WARN_INTERVAL, clock);
    tooLargeWarning = new RateLimitedWarning(log, WARN_INTERVAL, clock);
    malformedWarning = new RateLimitedWarning(log, WARN_INTERVAL, clock);
    metrics.counter("sngw." + name + ".connections.refused",
        name + " connections closed at once: the connection cap was reached", refused::sum);
    metrics.counter("sngw." + name + ".connections.expired",
        name + " connections closed at their deadline: no whole request answered in time", expired::sum);
    String rejected = name + " requests answered with an error: too large or not HTTP";
    metrics.counter("sngw." + name + ".requests.rejected", rejected, "reason", "too_large", tooLarge::sum);
    metrics.counter("sngw." + name + ".requests.rejected", rejected, "reason", "malformed", malformed::sum);
  }

  void refused(SocketAddress client, int open) {
    refused.increment();
    refusedWarning.warn("{} endpoint refused a connection from {}: {} are open, the most it takes", name, client,
        open);
  }

  void expired(SocketAddress client, Duration deadline) {
    expired.increment();
    expiredWarning.warn("{} endpoint closed the connection from {}: no whole request answered within {} ms", name,
        client, deadline.toMillis());
  }

  void tooLarge(SocketAddress client) {
    tooLarge.increment();
    tooLargeWarning.warn("{} endpoint rejected a request from {}: too large", name, client);
  }

  void malformed(SocketAddress client, Throwable cause) {
    malformed.increment();
    malformedWarning.warn("{} endpoint rejected a request from {}: not HTTP ({})", name, client, cause.getMessage());
  }
}
