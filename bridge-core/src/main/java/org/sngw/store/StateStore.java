package org.sngw.store;

import java.time.Duration;
import java.time.Instant;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/**
 * Where the broker and the MQTT-SN gateway write through what must survive a restart or a power
 * cut. Every method is called on the core loop and returns at once: an implementation queues the
 * change and makes it durable later, in order, many changes per disk sync (group commit).
 *
 * <p>What is kept: persistent sessions (clean session false) with their subscriptions, outgoing
 * QoS 1/2 messages (queued or in flight, keyed by a per-session sequence number), the ids of
 * incoming QoS 2 messages not yet released and since when the session has had no connection;
 * retained messages; the wills of connected clients (clean or not, so a crash still fires them);
 * and MQTT-SN topic ids of persistent sensors.
 */
public interface StateStore {
  /**
   * What was stored before this start. Called once, by whoever wires the gateway, before anything
   * else; the broker and the MQTT-SN gateway each restore their part of it.
   */
  StoredState load();

  /** A persistent session begins (or a clean one replaced it: see {@link #deleteSession}). */
  void saveSession(String clientId);

  /** The session ends: its subscriptions, outgoing messages, inbound ids and offline-since go with it. */
  void deleteSession(String clientId);

  /** The persistent session lost its connection at {@code since}, kept in milliseconds; a later call replaces it. */
  void saveOfflineSince(String clientId, Instant since);

  /** A connection took the persistent session back: it is offline no more. */
  void deleteOfflineSince(String clientId);

  void saveSubscription(String clientId, String filter, Qos qos);

  void deleteSubscription(String clientId, String filter);

  /** An outgoing QoS 1/2 message for a persistent session, at its delivery QoS and retain flag. */
  void saveOutbound(String clientId, long sequence, Message message);

  /** The outgoing message went out under this packet id. */
  void saveSent(String clientId, long sequence, int packetId);

  /** The client's PUBREC came: after a restart, PUBREL is resent instead of the PUBLISH. */
  void saveReleased(String clientId, long sequence);

  /** The outgoing message is done (acknowledged, completed or dropped). */
  void deleteOutbound(String clientId, long sequence);

  void saveInboundId(String clientId, int packetId);

  void deleteInboundId(String clientId, int packetId);

  void saveRetained(Message message);

  void deleteRetained(String topic);

  /** A connected client's will, and how long it may stay silent before it counts as gone. */
  void saveWill(String clientId, Message will, Duration keepAlive);

  void deleteWill(String clientId);

  void saveTopicId(String clientId, int topicId, String topicName);

  /** Forgets one MQTT-SN topic id of a client (the sensor said it does not know it). */
  void deleteTopicId(String clientId, int topicId);

  /** Forgets every MQTT-SN topic id of a client. */
  void deleteTopicIds(String clientId);

  /**
   * Runs {@code action} on the core loop once every change saved before this call is durable. Runs
   * it at once when nothing is waiting to be written, so order is kept either way: actions run in
   * the order they were given.
   */
  void afterDurable(Runnable action);
}
