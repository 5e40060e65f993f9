package org.sngw.broker;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/**
 * The broker core: sessions by client id, subscriptions, retained messages, wills and QoS flows.
 * Protocol-neutral: MQTT connections, MQTT-SN sessions and the bridge all use it through this
 * interface. Not thread-safe by design: every call happens on the core loop, which owns the state.
 */
public interface Broker {

  /**
   * Attaches a connection to the client's session: creates it, resumes it (clean session false),
   * or replaces it (clean session true). A connection already holding the client id is told
   * {@link SessionSink#takenOver()}. A resumed session resends its in-flight deliveries (dup set)
   * and PUBRELs, then its queue. The session takes the request's {@link SessionOptions} from now
   * on, until another connect replaces them.
   */
  ClientHandle connect(ConnectRequest request, SessionSink sink);

  /**
   * Whether {@link #connect} may give this request the session of its client id: there is none,
   * nobody has held it since a restart, or its last holder was the same user through the same kind
   * of listener. A listener asks first and refuses the client otherwise.
   */
  boolean mayConnect(ConnectRequest request);

  /**
   * Makes sure a persistent session exists, with these options, before any connection attaches:
   * the bridge's outbox must queue by its own rules from the first start on, and right after a
   * restart, before the upstream is back.
   */
  void prepareSession(String clientId, SessionOptions options);

  /**
   * Detaches a connection. Graceful (a DISCONNECT) drops the will; otherwise the will is
   * published. A clean session ends; a persistent one keeps subscriptions and queues QoS 1/2 (and
   * QoS 0 when its options say so).
   */
  void disconnect(ClientHandle client, boolean graceful);

  /** Replaces (or with empty, removes) the will of a connected client. */
  void updateWill(ClientHandle client, Optional<Message> will);

  /**
   * Publishes a message to every matching subscription, storing it as retained when asked (an
   * empty retained payload deletes). {@code done} runs on the core loop once the message is safe
   * and tells the sender whether to acknowledge. {@code from} is null for messages the gateway
   * makes itself.
   */
  void publish(ClientHandle from, Message message, Consumer<PublishOutcome> done);

  /**
   * An incoming QoS 2 PUBLISH: published the first time its packet id is seen, and only reported
   * {@code ACCEPTED} again for a resend until {@link #releaseInbound} forgets the id.
   */
  void publishExactlyOnce(ClientHandle from, int packetId, Message message, Consumer<PublishOutcome> done);

  /**
   * The client's PUBREL for an incoming QoS 2 message: its packet id may be used again.
   *
   * @return false when no message waited under that id (a PUBREL sent again after its PUBCOMP was
   *     lost), which MQTT 5 answers with PUBCOMP 0x92
   */
  boolean releaseInbound(ClientHandle client, int packetId);

  /**
   * Adds subscriptions. {@code granted} runs first with one entry per request: the granted QoS, or
   * empty for an invalid filter; then the retained messages that match are delivered.
   */
  void subscribe(ClientHandle client, List<Subscription> subscriptions, Consumer<List<Optional<Qos>>> granted);

  /** Removes subscriptions by exact filter; {@code done} runs when that is safe to acknowledge. */
  void unsubscribe(ClientHandle client, List<String> filters, Runnable done);

  /** PUBACK from the client for an outgoing QoS 1 delivery. */
  void acknowledged(ClientHandle client, int packetId);

  /** PUBREC from the client for an outgoing QoS 2 delivery; the broker answers with a release. */
  void received(ClientHandle client, int packetId);

  /** PUBCOMP from the client: the outgoing QoS 2 delivery is done. */
  void completed(ClientHandle client, int packetId);
}
