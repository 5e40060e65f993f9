package org.sngw.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.sngw.broker.topic.MatchSet;
import org.sngw.broker.topic.SubscriptionTree;
import org.sngw.broker.topic.Topics;
import org.sngw.config.BrokerConfig;
import org.sngw.store.InMemoryStore;
import org.sngw.store.StateStore;
import org.sngw.store.StoredState;
import org.sngw.time.Scheduler;

/**
 * The broker: ties sessions, the subscription tree, retained messages and wills together, and
 * writes every change the {@link StateStore} keeps through to it. Called only on the core loop;
 * calls made with a stale handle are ignored and their callbacks never run.
 *
 * <p><b>Restore.</b> The constructor rebuilds what the store kept (the {@link StoredState} the
 * caller loaded): persistent sessions (offline, subscriptions back in the tree, outgoing messages in flight
 * under their packet ids or queued, inbound QoS 2 ids), retained messages, and the wills of clients
 * connected when the gateway stopped, each published after 1.5 times its keep-alive unless its
 * client connects first.
 *
 * <p><b>Durability.</b> Acknowledgements wait for the store: a publish's {@code done}, a
 * subscribe's {@code granted} (followed by the retained deliveries) and an unsubscribe's {@code
 * done} run through {@link StateStore#afterDurable}, so they come once every change they made is
 * durable, and in the order they were asked for. Deliveries to connected subscribers do not wait.
 * Retained messages for a new subscription are skipped if its connection is gone by then.
 *
 * <p><b>Session options.</b> A session takes the {@link SessionOptions} of the connect that
 * creates or resumes it, or of {@link #prepareSession}; a session restored from the store is
 * ordinary until then. A no-local session's own publishes skip it. A session that queues QoS 0 gets
 * QoS 0 in order with QoS 1/2, queued and (if persistent) stored while it is offline or has older
 * messages queued; a queued QoS 0 message that finds no room is dropped, never refused.
 *
 * <p><b>Bounds.</b> Each session queues at most {@link BrokerConfig#maxQueuedMessages()} messages
 * and {@link BrokerConfig#maxQueuedBytes()} bytes (payload plus topic) beyond its in-flight window,
 * unless its options set other bounds.
 * When a message does not fit, the session's oldest queued QoS 0 messages are dropped if that makes
 * room; otherwise the message is refused for that session and the publish ends {@code CONGESTED}
 * (other subscribers still get it). All outgoing messages of persistent sessions, queued or in
 * flight, plus retained messages share {@link BrokerConfig#maxStoreBytes()}: past it, new QoS 1/2
 * messages for persistent sessions and new retained messages are refused ({@code CONGESTED}), and
 * QoS 0 messages a persistent session would queue are dropped.
 */
public final class BrokerCore implements Broker {
  private static final Consumer<PublishOutcome> IGNORE_OUTCOME = outcome -> {};
  private static final Scheduler NO_SCHEDULER = (delay, task) -> {
    throw new IllegalStateException("an in-memory broker restores no wills to schedule");
  };

  private final BrokerConfig config;
  private final StateStore store;
  private final StoreBudget budget;
  private final OverflowCounts overflow = new OverflowCounts();
  private final DurableRetained retained;
  private final Wills wills;
  private final Map<String, Session> sessions = new HashMap<>();
  private final SubscriptionTree<Session> subscriptions = new SubscriptionTree<>();
  // One match set per nesting level: a sink may publish from inside a delivery.
  private final List<MatchSet<Session>> matchSets = new ArrayList<>();
  private int routingDepth;

  /** An in-memory broker: nothing is restored and every change is safe at once. */
  public BrokerCore(BrokerConfig config) {
    this(config, new InMemoryStore(), StoredState.empty(), NO_SCHEDULER);
  }

  /**
   * A broker over a store: restores what the store kept, then writes through to it.
   *
   * @param stored what {@link StateStore#load()} returned at start
   * @param scheduler runs the grace periods of restored wills on the core loop
   */
  public BrokerCore(BrokerConfig config, StateStore store, StoredState stored, Scheduler scheduler) {
    this.config = Objects.requireNonNull(config, "config");
    this.store = Objects.requireNonNull(store, "store");
    this.budget = new StoreBudget(config.maxStoreBytes());
    this.retained = new DurableRetained(store, budget, overflow);
    this.wills = new Wills(store, Objects.requireNonNull(scheduler, "scheduler"));
    restore(stored);
  }

  @Override
  public ClientHandle connect(ConnectRequest request, SessionSink sink) {
    String clientId = request.clientId();
    Session existing = sessions.get(clientId);
    if (existing != null && existing.handle() != null) {
      SessionSink previous = existing.handle().sink();
      existing.detach();
      previous.takenOver();
    }
    if (existing != null && (request.cleanSession() || !existing.persistent())) {
      end(existing);
      existing = null;
    }
    Session session = existing;
    if (session == null) {
      session = newSession(clientId, !request.cleanSession());
      sessions.put(clientId, session);
      if (session.persistent()) {
        store.saveSession(clientId);
      }
    }
    // Before attaching: what the queue sends on attach follows the new options.
    session.apply(request.options(), config);
    Message will = request.will().orElse(null);
    wills.connected(clientId, will, request.keepAlive());
    SessionHandle handle = new SessionHandle(session, sink, existing != null, will, request.keepAlive());
    session.attach(handle, request.inflightWindow());
    return handle;
  }

  /**
   * Gives a persistent session its options before any connection attaches, so that it queues by
   * them while offline, from the start and after a restart (a restored session is ordinary until
   * then). Creates the session, empty and offline, if the client id has none; a clean session
   * holding the id is taken over and ended, as a connect with clean session false would do.
   *
   * <p>The upstream bridge's wiring calls this once the broker is restored and before anything can
   * publish, then whenever the bridge's options change. Subscriptions still come through a
   * connection: the bridge connects, subscribes, and disconnects at once if its upstream is down.
   */
  @Override
  public void prepareSession(String clientId, SessionOptions options) {
    Session session = sessions.get(clientId);
    if (session != null && !session.persistent()) {
      // A clean session lives only while attached: its connection is taken over, as on a connect.
      SessionSink previous = session.handle().sink();
      session.detach();
      previous.takenOver();
      end(session);
      wills.remove(clientId);
      session = null;
    }
    if (session == null) {
      session = newSession(clientId, true);
      sessions.put(clientId, session);
      store.saveSession(clientId);
    }
    session.apply(options, config);
  }

  @Override
  public void disconnect(ClientHandle client, boolean graceful) {
    SessionHandle handle = attached(client);
    if (handle == null) {
      return;
    }
    Session session = handle.session();
    session.detach();
    if (!session.persistent()) {
      end(session);
    }
    if (!graceful && handle.will() != null) {
      publish(null, handle.will(), IGNORE_OUTCOME);
    }
    wills.remove(session.clientId());
  }

  @Override
  public void updateWill(ClientHandle client, Optional<Message> will) {
    SessionHandle handle = attached(client);
    if (handle != null) {
      handle.setWill(will.orElse(null));
      wills.put(handle.clientId(), handle.will(), handle.keepAlive());
    }
  }

  @Override
  public void publish(ClientHandle from, Message message, Consumer<PublishOutcome> done) {
    Session excluded = null;
    if (from != null) {
      SessionHandle handle = attached(from);
      if (handle == null) {
        return;
      }
      excluded = excludedFrom(handle);
    }
    PublishOutcome outcome =
        Topics.isValidName(message.topic()) ? route(message, excluded) : PublishOutcome.INVALID_TOPIC;
    store.afterDurable(() -> done.accept(outcome));
  }

  @Override
  public void publishExactlyOnce(ClientHandle from, int packetId, Message message, Consumer<PublishOutcome> done) {
    SessionHandle handle = attached(from);
    if (handle == null) {
      return;
    }
    PublishOutcome outcome;
    if (!Topics.isValidName(message.topic())) {
      outcome = PublishOutcome.INVALID_TOPIC;
    } else if (handle.session().rememberInbound(packetId)) {
      outcome = routeToAllOrNone(message, excludedFrom(handle));
      if (outcome == PublishOutcome.CONGESTED) {
        // Nobody got it: the sender's resend must be routed, not taken for a duplicate.
        handle.session().forgetInbound(packetId);
      }
    } else {
      outcome = PublishOutcome.ACCEPTED;
    }
    // A resend waits too: the first copy's id may not be durable yet.
    store.afterDurable(() -> done.accept(outcome));
  }

  @Override
  public void releaseInbound(ClientHandle client, int packetId) {
    SessionHandle handle = attached(client);
    if (handle != null) {
      handle.session().forgetInbound(packetId);
    }
  }

  @Override
  public void subscribe(ClientHandle client, List<Subscription> requested, Consumer<List<Optional<Qos>>> granted) {
    SessionHandle handle = attached(client);
    if (handle == null) {
      return;
    }
    Session session = handle.session();
    List<Optional<Qos>> grants = new ArrayList<>(requested.size());
    List<Boolean> sendRetained = new ArrayList<>(requested.size());
    for (Subscription subscription : requested) {
      sendRetained.add(subscription.retainHandling() == Subscription.RetainHandling.ALWAYS
          || !session.filters().contains(subscription.filter()));
      if (Topics.isValidFilter(subscription.filter())) {
        subscriptions.subscribe(subscription.filter(), session, subscription.qos());
        session.putSubscription(subscription.filter(), subscription.qos());
        grants.add(Optional.of(subscription.qos()));
      } else {
        grants.add(Optional.empty());
      }
    }
    List<Optional<Qos>> result = List.copyOf(grants);
    store.afterDurable(() -> {
      granted.accept(result);
      for (int i = 0; i < requested.size() && handle.isAttached(); i++) {
        if (result.get(i).isPresent() && sendRetained.get(i)) {
          deliverRetained(session, requested.get(i));
        }
      }
    });
  }

  @Override
  public void unsubscribe(ClientHandle client, List<String> filters, Runnable done) {
    SessionHandle handle = attached(client);
    if (handle == null) {
      return;
    }
    Session session = handle.session();
    for (String filter : filters) {
      if (session.removeSubscription(filter)) {
        subscriptions.unsubscribe(filter, session);
      }
    }
    store.afterDurable(done);
  }

  @Override
  public void acknowledged(ClientHandle client, int packetId) {
    SessionHandle handle = attached(client);
    if (handle != null) {
      handle.session().outbound().acknowledged(packetId);
    }
  }

  @Override
  public void received(ClientHandle client, int packetId) {
    SessionHandle handle = attached(client);
    if (handle != null) {
      handle.session().outbound().received(packetId);
    }
  }

  @Override
  public void completed(ClientHandle client, int packetId) {
    SessionHandle handle = attached(client);
    if (handle != null) {
      handle.session().outbound().completed(packetId);
    }
  }

  /**
   * QoS 0 messages dropped: queued ones to make room for newer messages, and new ones for a session
   * that queues QoS 0 when neither its queue nor the store budget had room.
   */
  public long droppedMessages() {
    return overflow.dropped();
  }

  /** QoS 1/2 messages refused for a session: its queue or the store budget was full. */
  public long refusedMessages() {
    return overflow.refused();
  }

  /** Retained messages not kept because the store budget was full. */
  public long refusedRetained() {
    return overflow.refusedRetained();
  }

  /** Bytes charged to {@link BrokerConfig#maxStoreBytes()}: persistent sessions' messages and retained. */
  public long storeBytes() {
    return budget.used();
  }

  private void restore(StoredState state) {
    for (StoredState.Session stored : state.sessions()) {
      Session session = newSession(stored.clientId(), true);
      session.restore(stored);
      stored.subscriptions().forEach((filter, qos) -> subscriptions.subscribe(filter, session, qos));
      sessions.put(stored.clientId(), session);
    }
    for (Message message : state.retained()) {
      retained.restore(message);
    }
    // Last: a will may fire at once, and must reach the sessions and retained store read back above.
    wills.restore(state.wills(), will -> publish(null, will, IGNORE_OUTCOME));
  }

  private Session newSession(String clientId, boolean persistent) {
    SessionLog log = persistent ? new StoredSessionLog(clientId, store, budget) : CleanSessionLog.INSTANCE;
    OutboundFlow outbound = new OutboundFlow(log, overflow, config.maxQueuedMessages(), config.maxQueuedBytes());
    return new Session(clientId, persistent, log, outbound);
  }

  /** The handle if it is one of ours and still attached, else null. */
  private static SessionHandle attached(ClientHandle client) {
    return client instanceof SessionHandle handle && handle.isAttached() ? handle : null;
  }

  /** The session a publish must not reach: its publisher, if that session is no-local; else null. */
  private static Session excludedFrom(SessionHandle publisher) {
    Session session = publisher.session();
    return session.noLocal() ? session : null;
  }

  /** Stores when retained, then offers the message to every matching session but {@code excluded}. */
  private PublishOutcome route(Message message, Session excluded) {
    boolean congested = message.retain() && !retained.keep(message);
    Message live = message.withFlags(message.qos(), false);
    MatchSet<Session> matches = enterRouting();
    try {
      subscriptions.match(message.topic(), matches);
      for (int i = 0; i < matches.size(); i++) {
        Session subscriber = matches.subscriber(i);
        if (subscriber != excluded) {
          boolean retain = subscriber.retainAsPublished() && message.retain();
          congested |= !offer(subscriber, live.withFlags(live.qos().min(matches.qos(i)), retain));
        }
      }
      return congested ? PublishOutcome.CONGESTED : PublishOutcome.ACCEPTED;
    } finally {
      matches.clear();
      routingDepth--;
    }
  }

  /**
   * Exactly-once routing: a message that some subscriber could not take goes to none of them, so
   * the sender's later resend reaches each subscriber once.
   */
  private PublishOutcome routeToAllOrNone(Message message, Session excluded) {
    MatchSet<Session> matches = enterRouting();
    try {
      subscriptions.match(message.topic(), matches);
      for (int i = 0; i < matches.size(); i++) {
        Session subscriber = matches.subscriber(i);
        if (subscriber != excluded
            && !subscriber.outbound().wouldTake(message.withFlags(message.qos().min(matches.qos(i)), false))) {
          overflow.countRefused();
          return PublishOutcome.CONGESTED;
        }
      }
    } finally {
      matches.clear();
      routingDepth--;
    }
    return route(message, excluded);
  }

  private MatchSet<Session> enterRouting() {
    if (routingDepth == matchSets.size()) {
      matchSets.add(new MatchSet<>());
    }
    return matchSets.get(routingDepth++);
  }

  private void deliverRetained(Session session, Subscription subscription) {
    for (Message message : retained.matching(subscription.filter())) {
      offer(session, message.withFlags(message.qos().min(subscription.qos()), true));
    }
  }

  private boolean offer(Session session, Message message) {
    boolean accepted = session.outbound().offer(message);
    if (!accepted) {
      overflow.countRefused();
    }
    return accepted;
  }

  /** Discards a session: its subscriptions leave the tree and what it kept leaves the store. */
  private void end(Session session) {
    for (String filter : session.filters()) {
      subscriptions.unsubscribe(filter, session);
    }
    sessions.remove(session.clientId(), session);
    session.end();
  }
}
