package org.sngw.config;

import java.util.Objects;
import org.sngw.message.Qos;

/**
 * A bridge topic rule in the spirit of Mosquitto's bridge {@code topic} lines: {@code pattern}
 * (a filter, with {@code +}/{@code #}) is matched locally under {@code localPrefix} and upstream
 * under {@code remotePrefix}; a message crossing over swaps one prefix for the other. So
 * {@code sensors/#} out with remote prefix {@code site-7/} sends local {@code sensors/a} as
 * {@code site-7/sensors/a}.
 *
 * @param qos the highest QoS a message crossing this rule keeps
 */
public record TopicRule(String pattern, Direction direction, Qos qos, String localPrefix, String remotePrefix) {
  public TopicRule {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(qos, "qos");
    Objects.requireNonNull(localPrefix, "localPrefix");
    Objects.requireNonNull(remotePrefix, "remotePrefix");
  }

  public enum Direction {
    OUT,
    IN,
    BOTH;

    public boolean out() {
      return this != IN;
    }

    public boolean in() {
      return this != OUT;
    }
  }

  public String localFilter() {
    return localPrefix + pattern;
  }

  public String remoteFilter() {
    return remotePrefix + pattern;
  }
}
