package org.sngw.broker;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Session behaviour beyond MQTT's own flags, for the gateway's internal clients. The upstream
 * bridge is the one user: its session is the store-and-forward outbox.
 *
 * @param noLocal messages this session publishes are not delivered back to it (MQTT 5 no-local,
 *     for the whole session), so a "both" bridge rule cannot loop
 * @param queueQos0 QoS 0 messages are queued (and stored, for a persistent session) while the
 *     session is offline or its window is full, instead of going only to a connected client
 * @param maxQueuedMessages replaces {@code BrokerConfig.maxQueuedMessages} for this session
 * @param maxQueuedBytes replaces {@code BrokerConfig.maxQueuedBytes} for this session
 */
public record SessionOptions(
    boolean noLocal, boolean queueQos0, OptionalInt maxQueuedMessages, OptionalLong maxQueuedBytes) {
  public static final SessionOptions ORDINARY =
      new SessionOptions(false, false, OptionalInt.empty(), OptionalLong.empty());
}
