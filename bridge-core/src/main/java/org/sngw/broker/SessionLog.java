package org.sngw.broker;


import org.sngw.message.Message;
import org.sngw.message.Qos;
/**
 * Writes one session's state changes through to the store: a {@link StoredSessionLog} for a
 * persistent session, {@link CleanSessionLog} for a clean one. QoS 0 messages reach the outbound
 * methods only when queued ({@link SessionOptions#queueQos0()}).
 */
interface SessionLog {
  /** Whether a new outgoing message fits the store's byte budget. */
  boolean fits(Message message);

  /** A new outgoing message, queued or about to be sent. */
  void outbound(long sequence, Message message);

  void sent(long sequence, int packetId);

  /** The client's PUBREC came for a QoS 2 message. */
  void released(long sequence);

  /** The outgoing message is acknowledged, completed, dropped, or (QoS 0) handed to the sink. */
  void done(long sequence, Message message);

  /** An outgoing message read back from the store: counted, not written again. */
  void restored(Message message);

  void subscribed(String filter, Qos qos, DeliveryOptions options);

  void unsubscribed(String filter);

  void inboundRemembered(int packetId);

  void inboundForgotten(int packetId);

  /** The session ends: everything it kept goes. */
  void ended();
}
