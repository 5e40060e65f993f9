package org.sngw.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sngw.broker.topic.SharedFilter;
import org.sngw.broker.topic.Topics;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.time.Cancellable;

/**
 * A client id's broker state: subscriptions, the outgoing flow and the ids of incoming QoS 2
 * messages not yet released. Outlives its connections when persistent (clean session false); then
 * every change is written through its {@link SessionLog}. Its {@link SessionOptions} are those of
 * the connect (or {@link BrokerCore#prepareSession}) that last applied them, kept while it is offline.
 */
final class Session {
  private final String clientId;
  private final boolean persistent;
  private final Map<String, Qos> subscriptions = new HashMap<>();
  // The subscriptions made with MQTT 5 delivery options, kept (by a persistent session) in the store too.
  private final Map<String, Subscription> withOptions = new HashMap<>();
  private final IntSet inboundExactlyOnce = new IntSet();
  private final SessionLog log;
  private final OutboundFlow outbound;
  private SessionHandle handle;
  private boolean noLocal;
  private boolean retainAsPublished;
  private boolean outbox;
  private Optional<Duration> askedExpiry = Optional.empty();
  private Cancellable expiry;
  // Sessions restored from a store that predates owners do not know who held them until their client logs in again.
  private ClientIdentity identity;
  private boolean identified;

  Session(String clientId, boolean persistent, SessionLog log, OutboundFlow outbound) {
    this.clientId = clientId;
    this.identity = new ClientIdentity(clientId, Optional.empty(), ClientIdentity.Origin.MQTT_SN);
    this.persistent = persistent;
    this.log = log;
    this.outbound = outbound;
  }

  /** Takes up a connect's options; a bound left empty is the broker's own. */
  void apply(SessionOptions options, BrokerConfig defaults) {
    noLocal = options.noLocal();
    retainAsPublished = options.retainAsPublished();
    outbox = options.outbox();
    askedExpiry = options.expiry();
    outbound.configure(
        options,
        options.maxQueuedMessages().orElse(defaults.maxQueuedMessages()),
        options.maxQueuedBytes().orElse(defaults.maxQueuedBytes()));
  }

  /** Whether what this session publishes stays away from its own subscriptions. */
  boolean retainAsPublished() {
    return retainAsPublished;
  }

  boolean noLocal() {
    return noLocal;
  }

  /** How long it lasts offline: what its client asked for, up to {@code most}. */
  Duration expiry(Duration most) {
    return askedExpiry.filter(asked -> asked.compareTo(most) < 0).orElse(most);
  }

  /** Whether the session is a bridge's outbox ({@link SessionOptions#outbox()}). */
  boolean outbox() {
    return outbox;
  }

  /** While offline: the timer that ends the session, replacing any earlier one. */
  void expiresWith(Cancellable timer) {
    cancelExpiry();
    expiry = timer;
  }

  /** Calls the expiry off; false if none was running. */
  boolean cancelExpiry() {
    if (expiry == null) {
      return false;
    }
    expiry.cancel();
    expiry = null;
    return true;
  }

  String clientId() {
    return clientId;
  }

  /** Who the session's client is, as of its last connect. */
  ClientIdentity identity() {
    return identity;
  }

  /** Takes the connecting client's identity; true if it is not the one the session had. */
  boolean identify(ClientIdentity connected) {
    boolean changed = !identified || !identity.equals(connected);
    identity = connected;
    identified = true;
    return changed;
  }

  /** Whether a connect of this identity may take the session: anyone, while its holder is unknown. */
  boolean mayBeTakenBy(ClientIdentity connecting, AccessRules rules) {
    return !identified || rules.mayTakeOver(connecting, identity);
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

  /** Takes back what the store kept of this session, without writing it again. */
  void restore(RestoredState.Session stored) {
    stored.owner().ifPresent(owner -> {
      identity = owner;
      identified = true;
    });
    subscriptions.putAll(stored.subscriptions());
    stored.subscriptionOptions().forEach((filter, options) -> {
      Qos qos = stored.subscriptions().get(filter);
      if (qos != null && !options.isPlain()) {
        withOptions.put(filter, new Subscription(filter, qos, options));
      }
    });
    for (int packetId : stored.inboundIds()) {
      inboundExactlyOnce.add(packetId);
    }
    for (RestoredState.Outbound message : stored.outbound()) {
      outbound.restore(message);
    }
  }

  /** Records a subscription (the tree holds the routing copy); a filter already there is replaced. */
  void putSubscription(Subscription subscription) {
    subscriptions.put(subscription.filter(), subscription.qos());
    if (subscription.hasDeliveryOptions()) {
      withOptions.put(subscription.filter(), subscription);
    } else {
      withOptions.remove(subscription.filter());
    }
    log.subscribed(subscription.filter(), subscription.qos(), subscription.deliveryOptions());
  }

  /** Forgets a subscription; false if there was none with exactly this filter. */
  boolean removeSubscription(String filter) {
    if (subscriptions.remove(filter) == null) {
      return false;
    }
    withOptions.remove(filter);
    log.unsubscribed(filter);
    return true;
  }

  /** Whether any subscription has MQTT 5 delivery options, so {@link #throughOptions} must decide. */
  boolean hasDeliveryOptions() {
    return !withOptions.isEmpty();
  }

  /**
   * The copy of a published message this session gets by its subscriptions, options and all: the
   * highest QoS of the filters that take it (not those with no-local, for its own message), the
   * retain flag kept if one of them is retain-as-published, their identifiers; null when none
   * takes it.
   *
   * @param live the message as routed, retain flag cleared
   * @param publishedRetained the retain flag it was published with
   */
  Message throughOptions(Message live, boolean publishedRetained, boolean fromItself) {
    Qos qos = null;
    boolean keepRetain = retainAsPublished && publishedRetained;
    List<Integer> identifiers = new ArrayList<>();
    for (Map.Entry<String, Qos> subscription : subscriptions.entrySet()) {
      String filter = subscription.getKey();
      if (SharedFilter.isShared(filter) || !Topics.matches(filter, live.topic())) {
        continue;
      }
      Subscription options = withOptions.get(filter);
      if (options != null && options.noLocal() && fromItself) {
        continue;
      }
      qos = qos == null || subscription.getValue().compareTo(qos) > 0 ? subscription.getValue() : qos;
      if (options != null) {
        keepRetain |= options.retainAsPublished() && publishedRetained;
        if (options.identifier() != 0) {
          identifiers.add(options.identifier());
        }
      }
    }
    if (qos == null) {
      return null;
    }
    identifiers.sort(null);
    return live.withFlags(live.qos().min(qos), keepRetain)
        .withProperties(live.properties().withSubscriptionIdentifiers(identifiers));
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
    if (!inboundExactlyOnce.add(packetId)) {
      return false;
    }
    log.inboundRemembered(packetId);
    return true;
  }

  /** @return false when the id was not remembered */
  boolean forgetInbound(int packetId) {
    if (inboundExactlyOnce.remove(packetId)) {
      log.inboundForgotten(packetId);
      return true;
    }
    return false;
  }

  /** The session is over: what the store kept of it goes, and no publisher waits for it. */
  void end() {
    cancelExpiry();
    outbound.end();
    log.ended();
  }
}
