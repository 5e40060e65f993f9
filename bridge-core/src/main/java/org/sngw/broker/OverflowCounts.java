package org.sngw.broker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.logging.RateLimitedWarning;
import org.sngw.time.Clock;

/**
 * What the bounds turned away, for metrics and the log: shared by all sessions of one broker. Drops
 * are counted per client too, while its session lasts, in a map the metrics may read from another
 * thread; the log lines name the client and are rate-limited, since a client behind can cause one
 * per message.
 */
final class OverflowCounts {
  private static final Logger log = LoggerFactory.getLogger(BrokerCore.class);
  private static final Duration WARNING_INTERVAL = Duration.ofSeconds(10);

  private final RateLimitedWarning dropWarning = new RateLimitedWarning(log, WARNING_INTERVAL, Clock.SYSTEM);
  private final RateLimitedWarning behindWarning = new RateLimitedWarning(log, WARNING_INTERVAL, Clock.SYSTEM);
  private final Map<String, LongAdder> droppedByClient = new ConcurrentHashMap<>();
  // Written on the core loop, read by the metrics endpoint's thread.
  private final LongAdder dropped = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder refusedRetained = new LongAdder();
  private final LongAdder behind = new LongAdder();
  private final LongAdder expired = new LongAdder();

  /** A message was dropped for one session: its queue was over its bounds. */
  void dropped(String clientId) {
    dropped.increment();
    droppedByClient.computeIfAbsent(clientId, id -> new LongAdder()).increment();
    dropWarning.warn("client {}: queue full, its oldest queued message dropped", clientId);
  }

  /** A session's full queue held its publishers back for the whole hold time. */
  void behind(String clientId, Duration holdTime) {
    behind.increment();
    behindWarning.warn("client {}: still behind after {} ms, its oldest messages are dropped",
        clientId, holdTime.toMillis());
  }

  /** A QoS 1/2 message was refused for one session: the store budget or an outbox is full. */
  void countRefused() {
    refused.increment();
  }

  /** A retained message was not kept: the store budget is full. */
  void countRefusedRetained() {
    refusedRetained.increment();
  }

  long dropped() {
    return dropped.sum();
  }

  /** The session is over: its own count goes with it. */
  void forget(String clientId) {
    droppedByClient.remove(clientId);
  }

  /** A copy of the per-client counts; safe from any thread. */
  Map<String, Long> droppedByClient() {
    Map<String, Long> copy = new HashMap<>();
    droppedByClient.forEach((clientId, count) -> copy.put(clientId, count.sum()));
    return copy;
  }

  long refused() {
    return refused.sum();
  }

  long refusedRetained() {
    return refusedRetained.sum();
  }

  /** A queued message's expiry interval ran out before it could be sent. */
  void countExpired() {
    expired.increment();
  }

  long expired() {
    return expired.sum();
  }

  long behind() {
    return behind.sum();
  }
}
