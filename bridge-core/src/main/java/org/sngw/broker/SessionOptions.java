package org.sngw.broker;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Session behaviour beyond MQTT's own flags, for the gateway's internal clients. The upstream
 * bridge is the one user: its session is the store-and-forward outbox.
 *
 * <p>Options belong to a connect (or to {@code BrokerCore.prepareSession}) and stay with the
 * session while it is offline, until the next connect brings its own.
 *
 * @param noLocal messages this session publishes are not delivered back to it (MQTT 5 no-local,
 *     for the whole session), so a "both" bridge rule cannot loop. Retained messages sent on
 *     subscribe are not filtered: the broker does not keep who published them
 * @param retainAsPublished messages keep the retain flag they were published with (MQTT 5), so a
 *     bridge forwards retained messages as retained; ordinary sessions get retain only for the
 *     retained messages sent when they subscribe, as MQTT 3.1.1 requires
 * @param queueQos0 QoS 0 messages are queued (and stored, for a persistent session) while the
 *     session is offline or older messages wait in its queue, in order with QoS 1/2, instead of
 *     going only to a connected client. Handed to the client, one is done: no window slot, no ack.
 *     One that finds no room (queue or store budget) is dropped, never refused
 * @param outbox the session is the gateway's own store-and-forward outbox: when its queue is full a
 *     new QoS 1/2 message is refused (the publisher is told congestion) instead of the oldest being
 *     dropped, and it holds no publisher back; nothing it accepted is lost
 * @param maxQueuedMessages replaces {@code BrokerConfig.maxQueuedMessages} for this session
 * @param maxQueuedBytes replaces {@code BrokerConfig.maxQueuedBytes} for this session; {@code
 *     BrokerConfig.maxStoreBytes} still bounds all persistent sessions together
 * @param expiry how long a persistent session lasts without a connection, as an MQTT 5 client's
 *     Session Expiry Interval asks, up to {@code BrokerConfig.persistentSessionExpiry} (which also
 *     applies when it is empty, and after a restart)
 */
public record SessionOptions(
    boolean noLocal,
    boolean retainAsPublished,
    boolean queueQos0,
    boolean outbox,
    OptionalInt maxQueuedMessages,
    OptionalLong maxQueuedBytes,
    Optional<Duration> expiry) {
  public static final SessionOptions ORDINARY =
      new SessionOptions(false, false, false, false, OptionalInt.empty(), OptionalLong.empty());

  /** Without an expiry of its own. */
  public SessionOptions(boolean noLocal, boolean retainAsPublished, boolean queueQos0, boolean outbox,
      OptionalInt maxQueuedMessages, OptionalLong maxQueuedBytes) {
    this(noLocal, retainAsPublished, queueQos0, outbox, maxQueuedMessages, maxQueuedBytes, Optional.empty());
  }

  public SessionOptions withExpiry(Duration sessionExpiry) {
    return new SessionOptions(noLocal, retainAsPublished, queueQos0, outbox, maxQueuedMessages, maxQueuedBytes,
        Optional.of(sessionExpiry));
  }

  public SessionOptions {
    Objects.requireNonNull(maxQueuedMessages, "maxQueuedMessages");
    Objects.requireNonNull(maxQueuedBytes, "maxQueuedBytes");
    Objects.requireNonNull(expiry, "expiry");
    if (maxQueuedMessages.orElse(1) < 1) {
      throw new IllegalArgumentException("maxQueuedMessages must be positive: " + maxQueuedMessages.getAsInt());
    }
    if (maxQueuedBytes.orElse(1) < 1) {
      throw new IllegalArgumentException("maxQueuedBytes must be positive: " + maxQueuedBytes.getAsLong());
    }
  }
}
