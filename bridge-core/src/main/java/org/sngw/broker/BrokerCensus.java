package org.sngw.broker;

import java.util.Map;

/**
 * What the broker holds at one moment, counted on the core loop for {@code $SYS} and metrics.
 *
 * @param sessions every session, connected or offline (persistent ones, and bridge outboxes)
 * @param connected sessions with a connection attached
 * @param subscriptions one per session and filter
 * @param retained topics with a retained message
 * @param outboxBacklogs messages queued or in flight in each bridge outbox, by its client id
 */
public record BrokerCensus(
    int sessions, int connected, int subscriptions, int retained, Map<String, Integer> outboxBacklogs) {
  public static final BrokerCensus EMPTY = new BrokerCensus(0, 0, 0, 0, Map.of());

  public BrokerCensus {
    outboxBacklogs = Map.copyOf(outboxBacklogs);
  }
}
