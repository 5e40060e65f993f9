package org.sngw.http;

import java.time.Duration;

/**
 * What one client of an HTTP endpoint may hold: a connection for at most {@code deadline} from
 * accept (the whole request and its answer must fit in it, however the bytes trickle in), and no
 * more than {@code maxConnections} open at once; more are closed as soon as they are accepted.
 */
public record EndpointLimits(Duration deadline, int maxConnections) {
  /**
   * A scrape is one small request and a few KB of answer, done in milliseconds on loopback or a
   * LAN; Prometheus and a person with curl rarely need more than two or three connections at once.
   */
  public static final EndpointLimits DEFAULT = new EndpointLimits(Duration.ofSeconds(5), 16);

  public EndpointLimits {
    if (deadline.isNegative() || deadline.isZero() || maxConnections < 1) {
      throw new IllegalArgumentException("deadline " + deadline + ", max connections " + maxConnections);
    }
  }

  public EndpointLimits withDeadline(Duration shorter) {
    return new EndpointLimits(shorter, maxConnections);
  }
}
