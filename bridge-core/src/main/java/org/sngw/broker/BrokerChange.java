package org.sngw.broker;

import java.time.Duration;
import java.time.Instant;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/** One change of broker state that a {@link BrokerStore} keeps. */
public sealed interface BrokerChange {
  /** A persistent session begins (or a clean one replaced it: see {@link SessionDeleted}). */
  record SessionSaved(String clientId) implements BrokerChange {}

  /**
   * Who holds the persistent session: after a restart only the same user through the same kind of
   * listener may take it, and access rules for its queued messages are those of this user.
   */
  record OwnerSaved(ClientIdentity owner) implements BrokerChange {}

  /** The session ends: its subscriptions, outgoing messages, inbound ids and offline-since go with it. */
  record SessionDeleted(String clientId) implements BrokerChange {}

  /** The persistent session lost its connection at {@code since}, kept in milliseconds; a later one replaces it. */
  record OfflineSinceSaved(String clientId, Instant since) implements BrokerChange {}

  /** A connection took the persistent session back: it is offline no more. */
  record OfflineSinceDeleted(String clientId) implements BrokerChange {}

  record SubscriptionSaved(String clientId, String filter, Qos qos, DeliveryOptions options) implements BrokerChange {
    public SubscriptionSaved(String clientId, String filter, Qos qos) {
      this(clientId, filter, qos, DeliveryOptions.PLAIN);
    }
  }

  record SubscriptionDeleted(String clientId, String filter) implements BrokerChange {}

  /** An outgoing QoS 1/2 message for a persistent session, at its delivery QoS and retain flag. */
  record OutboundSaved(String clientId, long sequence, Message message) implements BrokerChange {}

  /** The outgoing message went out under this packet id. */
  record Sent(String clientId, long sequence, int packetId) implements BrokerChange {}

  /** The client's PUBREC came: after a restart, PUBREL is resent instead of the PUBLISH. */
  record Released(String clientId, long sequence) implements BrokerChange {}

  /** The outgoing message is done (acknowledged, completed or dropped). */
  record OutboundDeleted(String clientId, long sequence) implements BrokerChange {}

  /** An incoming QoS 2 message not yet released, so a resent PUBLISH is not delivered twice. */
  record InboundIdSaved(String clientId, int packetId) implements BrokerChange {}

  record InboundIdDeleted(String clientId, int packetId) implements BrokerChange {}

  record RetainedSaved(Message message) implements BrokerChange {}

  record RetainedDeleted(String topic) implements BrokerChange {}

  /** A connected client's will, and how long it may stay silent before it counts as gone. */
  record WillSaved(String clientId, Message will, Duration keepAlive) implements BrokerChange {}

  record WillDeleted(String clientId) implements BrokerChange {}
}
