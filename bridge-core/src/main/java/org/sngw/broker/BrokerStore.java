package org.sngw.broker;

/**
 * Where the broker writes through what must survive a restart or a power cut. Called on the core
 * loop only and returns at once: an implementation queues each change and makes it durable later,
 * in order, many changes per disk sync (group commit). What was kept comes back, at the next start,
 * as a {@link RestoredState}.
 *
 * <p>What is kept: persistent sessions (clean session false) with their subscriptions, outgoing
 * QoS 1/2 messages (queued or in flight, keyed by a per-session sequence number), the ids of
 * incoming QoS 2 messages not yet released and since when the session has had no connection;
 * retained messages; and the wills of connected clients (clean or not, so a crash still fires them).
 */
public interface BrokerStore {
  void write(BrokerChange change);

  /**
   * Runs {@code action} on the core loop once every change written before this call is durable.
   * Runs it at once when nothing is waiting to be written, so order is kept either way: actions run
   * in the order they were given.
   */
  void afterDurable(Runnable action);
}
