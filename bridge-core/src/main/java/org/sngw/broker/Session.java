package org.sngw.broker;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A client id's broker state: subscriptions, the outgoing flow and the ids of incoming QoS 2
 * messages not yet released. Outlives its connections when persistent (clean session false).
 */
final class Session {
  private final String clientId;
  private final boolean persistent;
  private final Map<String, Qos> subscriptions = new HashMap<>();
  private final IntSet inboundExactlyOnce = new IntSet();
  private final OutboundFlow outbound;
  private SessionHandle handle;

  Session(String clientId, boolean persistent, int maxQueued) {
    this.clientId = clientId;
    this.persistent = persistent;
    this.outbound = new OutboundFlow(maxQueued);
  }

  String clientId() {
    return clientId;
  }

  boolean persistent() {
    return persistent;
  }

  /** The attached connection's handle, or null while no connection holds the session. */
  SessionHandle handle() {
    return handle;
  }

  OutboundFlow outbound() {
    return outbound;
  }

  /** Records a subscription (the tree holds the routing copy); a filter already there is replaced. */
  void putSubscription(String filter, Qos qos) {
    subscriptions.put(filter, qos);
  }

  /** Forgets a subscription; false if there was none with exactly this filter. */
  boolean removeSubscription(String filter) {
    return subscriptions.remove(filter) != null;
  }

  Set<String> filters() {
    return subscriptions.keySet();
  }

  void attach(SessionHandle newHandle, int window) {
    handle = newHandle;
    outbound.attach(newHandle.sink(), window);
  }

  /** Makes the current handle stale; the session keeps its state. */
  void detach() {
    handle = null;
    outbound.detach();
  }

  /** Remembers an incoming QoS 2 packet id; false if it is already remembered (a resend). */
  boolean rememberInbound(int packetId) {
    return inboundExactlyOnce.add(packetId);
  }

  void forgetInbound(int packetId) {
    inboundExactlyOnce.remove(packetId);
  }
}
