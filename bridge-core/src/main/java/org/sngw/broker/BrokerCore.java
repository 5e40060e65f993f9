package org.sngw.broker;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.broker.topic.MatchSet;
import org.sngw.broker.topic.SharedFilter;
import org.sngw.broker.topic.SubscriptionTree;
import org.sngw.broker.topic.Topics;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.thread.OwnerThread;
import org.sngw.time.Cancellable;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;

/**
 * The {@link Broker} over a {@link BrokerStore}: it writes every change the store keeps through to
 * it, and its constructor rebuilds what the store kept. Calls made with a stale handle are ignored
 * and their callbacks never run.
 *
 * <p><b>Restore.</b> Persistent sessions come back offline, with their subscriptions in the tree,
 * outgoing messages in flight under their packet ids or queued, and inbound QoS 2 ids; then the
 * retained messages; then the wills of clients connected when the gateway stopped, each published
 * after 1.5 times its keep-alive unless its client connects first.
 *
 * <p><b>Expiry.</b> A persistent session without a connection for {@link
 * BrokerConfig#persistentSessionExpiry()} is ended, counted and logged; since when it is offline is
 * stored, so a restart does not reset the time. An outbox ({@link SessionOptions#outbox()}) never
 * expires once prepared.
 *
 * <p><b>Durability.</b> A publish's {@code done}, a subscribe's {@code granted} (then the retained
 * deliveries, skipped if its connection is gone by then) and an unsubscribe's {@code done} wait for
 * {@link BrokerStore#afterDurable}, in the order they were asked for. Deliveries to connected
 * subscribers do not wait.
 *
 * <p><b>MQTT 5.</b> Shared subscriptions ({@code $share/NAME/FILTER}) are routed through their
 * {@link ShareGroups}, one member per message; per-subscription options (no-local, retain as
 * published, identifiers) are applied by the subscriber's {@link Session}; a will with a delay
 * waits for it in {@code delayedWills}; a message whose expiry ran out is not sent from a queue
 * ({@link OutboundFlow}) or as retained.
 *
 * <p><b>Access.</b> Every publish, subscribe, delivery, retained message sent on subscribe and will of
 * a client is checked against the {@link AccessRules} given, as the client last identified itself;
 * bridge outboxes are not.
 *
 * <p><b>Bounds.</b> Each session's queue has bounds of its own ({@link OutboundFlow}: publishers
 * held back for {@link BrokerConfig#backpressureHold()} at most, then the oldest dropped and counted,
 * {@link #droppedByClient()}); all queues but outboxes share {@link QueueMemory}; persistent
 * sessions' messages and retained messages share {@link BrokerConfig#maxStoreBytes()}. Past a shared
 * bound new QoS 1/2 and retained messages that need the room are refused ({@code CONGESTED}), and
 * QoS 0 messages a session would queue are dropped.
 */
public final class BrokerCore implements Broker {
  private static final Consumer<PublishOutcome> IGNORE_OUTCOME = outcome -> {};
  private static final Logger log = LoggerFactory.getLogger(BrokerCore.class);
  // The in-memory broker's: it keeps nothing, restores no wills, holds nobody back, and lets no session expire.
  private static final Scheduler NO_TIMERS = (delay, task) -> () -> { };
  private static final Clock NO_CLOCK = () -> 0;
  private static final InstantSource NO_WALL = () -> Instant.EPOCH;
  private static final BrokerStore NO_STORE = new BrokerStore() {
    @Override
    public void write(BrokerChange change) {}

    @Override
    public void afterDurable(Runnable action) {
      action.run();
    }
  };

  private final BrokerConfig config;
  private final OwnerThread owner = new OwnerThread("the broker's sessions");
  private final BrokerStore store;
  private final Scheduler scheduler;
  private final InstantSource wall;
  private final HoldTime holdTime;
  private final PublisherAcks internalAcks = new PublisherAcks();
  private final ByteBudget budget;
  private final QueueMemory memory;
  private final OverflowCounts overflow = new OverflowCounts();
  private final DurableRetained retained;
  private final Wills wills;
  private final AccessRules access;
  private final Map<String, Session> sessions = new HashMap<>();
  // Wills waiting out their delay, by client id: at most one per session.
  private final Map<String, DelayedWill> delayedWills = new HashMap<>();
  private final SubscriptionTree<Session> subscriptions = new SubscriptionTree<>();
  private final ShareGroups shared = new ShareGroups();
  // One match set of each kind per nesting level: a sink may publish from inside a delivery.
  private final List<MatchSet<Session>> matchSets = new ArrayList<>();
  private final List<MatchSet<ShareGroup>> groupMatchSets = new ArrayList<>();
  private int routingDepth;
  // Read by the metrics endpoint's thread.
  private final LongAdder expiredSessions = new LongAdder();
  private final LongAdder messagesReceived = new LongAdder();
  private final LongAdder messagesSent = new LongAdder();

  /**
   * An in-memory broker: nothing is restored and every change is safe at once. It has no timers: a
   * full queue never holds a publisher back (it drops its oldest at once) and no session expires.
   */
  public BrokerCore(BrokerConfig config) {
    this(config.withBackpressureHold(Duration.ZERO), NO_STORE, RestoredState.empty(), NO_TIMERS, NO_CLOCK,
        NO_WALL, AccessRules.UNRESTRICTED);
  }

  /**
   * A broker over a store: restores what the store kept, then writes through to it.
   *
   * @param stored what the store kept before this start
   * @param timers the core loop (a virtual time in tests): runs the grace periods of restored wills,
   *     the ends of back-pressure holds and the expiry of persistent sessions, on the core loop, and
   *     measures how long a hold has lasted
   * @param wall tells since when a persistent session is offline, across restarts
   */
  public <T extends Scheduler & Clock> BrokerCore(
      BrokerConfig config, BrokerStore store, RestoredState stored, T timers, InstantSource wall) {
    this(config, store, stored, timers, timers, wall, AccessRules.UNRESTRICTED);
  }

  /** The same, with the access rules every client but the gateway's own sessions is held to. */
  public <T extends Scheduler & Clock> BrokerCore(
      BrokerConfig config, BrokerStore store, RestoredState stored, T timers, InstantSource wall, AccessRules access) {
    this(config, store, stored, timers, timers, wall, access);
  }

  private BrokerCore(BrokerConfig config, BrokerStore store, RestoredState stored, Scheduler scheduler, Clock clock,
      InstantSource wall, AccessRules access) {
    this.config = Objects.requireNonNull(config, "config");
    this.access = Objects.requireNonNull(access, "access");
    this.store = Objects.requireNonNull(store, "store");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.wall = Objects.requireNonNull(wall, "wall");
    this.holdTime = new HoldTime(config.backpressureHold(), scheduler, clock);
    this.budget = new ByteBudget(config.maxStoreBytes());
    this.memory = new QueueMemory(config.maxQueuedTotalBytes(), this::reclaimMemory);
    this.retained = new DurableRetained(store, budget, overflow);
    this.wills = new Wills(store, scheduler);
    restore(stored);
  }

  @Override
  public boolean mayConnect(ConnectRequest request) {
    assert owner.isCurrent();
    Session existing = sessions.get(request.clientId());
    return existing == null || existing.outbox() || existing.mayBeTakenBy(request.identity(), access);
  }

  @Override
  public ClientHandle connect(ConnectRequest request, SessionSink sink) {
    assert owner.isCurrent();
    String clientId = request.clientId();
    // Back within the delay, to the same session: the will is not published (MQTT 5, 3.1.3.2.2).
    // A clean start ends the old session instead, and that publishes it (end).
    DelayedWill waiting = request.cleanSession() ? null : delayedWills.remove(clientId);
    if (waiting != null) {
      waiting.timer().cancel();
    }
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
        store.write(new BrokerChange.SessionSaved(clientId));
      }
    }
    // Before attaching: what the queue sends on attach follows the new options.
    session.apply(request.options(), config);
    if (session.identify(request.identity()) && session.persistent()) {
      store.write(new BrokerChange.OwnerSaved(request.identity()));
    }
    backOnline(session);
    Message will = permittedWill(session, request.will());
    wills.connected(clientId, will, request.keepAlive());
    SessionHandle handle =
        new SessionHandle(session, new CountedSink(sink, messagesSent), existing != null, will, request.keepAlive(),
            request.willDelay());
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
    assert owner.isCurrent();
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
      store.write(new BrokerChange.SessionSaved(clientId));
    }
    session.apply(options, config);
    if (options.outbox()) {
      backOnline(session);
    }
  }

  @Override
  public void disconnect(ClientHandle client, boolean graceful) {
    assert owner.isCurrent();
    SessionHandle handle = attached(client);
    if (handle == null) {
      return;
    }
    Session session = handle.session();
    session.detach();
    if (!session.persistent()) {
      end(session);
    } else if (!session.outbox()) {
      Instant now = wall.instant();
      store.write(new BrokerChange.OfflineSinceSaved(session.clientId(), now));
      expireAfter(session, session.expiry(config.persistentSessionExpiry()));
    }
    if (!graceful && handle.will() != null) {
      publishWill(session, handle.will(), handle.willDelay());
    }
    wills.remove(session.clientId());
  }

  /** A will waiting out its delay, and the timer that publishes it. */
  private record DelayedWill(Message will, Cancellable timer) {}

  /**
   * At once, or after its delay when the session outlives the connection (a clean session ends
   * now, and a will is published when its session ends, whichever comes first); no later than the
   * session's expiry, which publishes it too.
   */
  private void publishWill(Session session, Message will, Duration delay) {
    if (!session.persistent() || delay.isZero() || session.outbox()) {
      publish(null, will, IGNORE_OUTCOME);
      return;
    }
    String clientId = session.clientId();
    Duration expiry = session.expiry(config.persistentSessionExpiry());
    Duration wait = delay.compareTo(expiry) < 0 ? delay : expiry;
    delayedWills.put(clientId, new DelayedWill(will, scheduler.schedule(wait, () -> {
      if (delayedWills.remove(clientId) != null) {
        publish(null, will, IGNORE_OUTCOME);
      }
    })));
  }

  @Override
  public void updateWill(ClientHandle client, Optional<Message> will) {
    assert owner.isCurrent();
    SessionHandle handle = attached(client);
    if (handle != null) {
      handle.setWill(permittedWill(handle.session(), will));
      wills.put(handle.clientId(), handle.will(), handle.keepAlive());
    }
  }

  @Override
  public void publish(ClientHandle from, Message message, Consumer<PublishOutcome> done) {
    assert owner.isCurrent();
    Session excluded = null;
    Session publisher = null;
    PublisherAcks acks = internalAcks;
    if (from != null) {
      SessionHandle handle = attached(from);
      if (handle == null) {
        return;
      }
      publisher = handle.session();
      excluded = excludedFrom(handle);
      acks = handle.acks();
      messagesReceived.increment();
    }
    PendingAck ack = acks.add(done);
    if (!Topics.isValidName(message.topic())) {
      ack.decided(PublishOutcome.INVALID_TOPIC);
    } else if (publisher != null && !mayPublish(publisher, message.topic())) {
      ack.decided(PublishOutcome.DENIED);
    } else {
      ack.decided(route(message, publisher, excluded, ack));
    }
    store.afterDurable(ack::durable);
  }

  @Override
  public void publishExactlyOnce(ClientHandle from, int packetId, Message message, Consumer<PublishOutcome> done) {
    assert owner.isCurrent();
    SessionHandle handle = attached(from);
    if (handle == null) {
      return;
    }
    PendingAck ack = handle.acks().add(done);
    PublishOutcome outcome;
    if (!Topics.isValidName(message.topic())) {
      outcome = PublishOutcome.INVALID_TOPIC;
    } else if (!mayPublish(handle.session(), message.topic())) {
      outcome = PublishOutcome.DENIED;
    } else if (handle.session().rememberInbound(packetId)) {
      outcome = routeToAllOrNone(message, handle.session(), excludedFrom(handle), ack);
      if (outcome == PublishOutcome.CONGESTED) {
        // Nobody got it: the sender's resend must be routed, not taken for a duplicate.
        handle.session().forgetInbound(packetId);
      }
    } else {
      outcome = PublishOutcome.ACCEPTED;
    }
    ack.decided(outcome);
    // A resend waits too: the first copy's id may not be durable yet.
    store.afterDurable(ack::durable);
  }

  @Override
  public boolean releaseInbound(ClientHandle client, int packetId) {
    assert owner.isCurrent();
    SessionHandle handle = attached(client);
    // a stale handle's connection is gone: what it is answered does not matter
    return handle == null || handle.session().forgetInbound(packetId);
  }

  @Override
  public void subscribe(ClientHandle client, List<Subscription> requested, Consumer<List<Optional<Qos>>> granted) {
    assert owner.isCurrent();
    SessionHandle handle = attached(client);
    if (handle == null) {
      return;
    }
    Session session = handle.session();
    List<Optional<Qos>> grants = new ArrayList<>(requested.size());
    List<Boolean> sendRetained = new ArrayList<>(requested.size());
    for (Subscription subscription : requested) {
      // MQTT 5 [MQTT-4.8.2]: a shared subscription gets no retained messages when it is made
      sendRetained.add(!SharedFilter.isShared(subscription.filter()) && switch (subscription.retainHandling()) {
        case ALWAYS -> true;
        case IF_NEW -> !session.filters().contains(subscription.filter());
        case NEVER -> false;
      });
      if (isValidFilter(subscription.filter())
          && (session.outbox() || access.maySubscribe(session.identity(), matchedFilter(subscription.filter())))) {
        addToTree(subscription.filter(), session, subscription.qos());
        session.putSubscription(subscription);
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
    assert owner.isCurrent();
    SessionHandle handle = attached(client);
    if (handle == null) {
      return;
    }
    Session session = handle.session();
    for (String filter : filters) {
      if (session.removeSubscription(filter)) {
        removeFromTree(filter, session);
      }
    }
    store.afterDurable(done);
  }

  @Override
  public void acknowledged(ClientHandle client, int packetId) {
    assert owner.isCurrent();
    SessionHandle handle = attached(client);
    if (handle != null) {
      handle.session().outbound().acknowledged(packetId);
    }
  }

  @Override
  public void received(ClientHandle client, int packetId) {
    assert owner.isCurrent();
    SessionHandle handle = attached(client);
    if (handle != null) {
      handle.session().outbound().received(packetId);
    }
  }

  @Override
  public void completed(ClientHandle client, int packetId) {
    assert owner.isCurrent();
    SessionHandle handle = attached(client);
    if (handle != null) {
      handle.session().outbound().completed(packetId);
    }
  }

  /**
   * Messages dropped for a session whose queue was over its bounds (oldest first), and QoS 0 ones a
   * session that queues QoS 0 had no room for; each is counted for its client too.
   */
  public long droppedMessages() {
    return overflow.dropped();
  }

  /** Messages dropped so far for each session that still exists and has lost any; safe from any thread. */
  public Map<String, Long> droppedByClient() {
    return overflow.droppedByClient();
  }

  /** PUBLISHes received from connected clients (MQTT, MQTT-SN and the bridges); safe from any thread. */
  public long messagesReceived() {
    return messagesReceived.sum();
  }

  /** PUBLISHes sent to connected clients, resends included; safe from any thread. */
  public long messagesSent() {
    return messagesSent.sum();
  }

  /** Sessions, connections, subscriptions and retained messages now; on the core loop. */
  public BrokerCensus census() {
    assert owner.isCurrent();
    int connected = 0;
    Map<String, Integer> outboxBacklogs = new HashMap<>();
    for (Session session : sessions.values()) {
      if (session.handle() != null) {
        connected++;
      }
      if (session.outbox()) {
        outboxBacklogs.put(session.clientId(), session.outbound().backlog());
      }
    }
    return new BrokerCensus(sessions.size(), connected, subscriptions.size() + shared.size(), retained.count(),
        outboxBacklogs);
  }

  /** Persistent sessions ended for staying offline longer than {@link BrokerConfig#persistentSessionExpiry()}. */
  public long expiredSessions() {
    return expiredSessions.sum();
  }

  /** Queued messages not sent because their expiry interval (MQTT 5) ran out first. */
  public long expiredMessages() {
    return overflow.expired();
  }

  /** Times a session's full queue held its publishers back for the whole hold time. */
  public long behindEvents() {
    return overflow.behind();
  }

  /** QoS 1/2 messages refused for a session: the store budget, the queues' memory or an outbox was full. */
  public long refusedMessages() {
    return overflow.refused();
  }

  /** Retained messages not kept because the store budget was full. */
  public long refusedRetained() {
    return overflow.refusedRetained();
  }

  /** Bytes charged to {@link BrokerConfig#maxQueuedTotalBytes()}: what all queues but outboxes hold. */
  public long queuedBytes() {
    return memory.budget().used();
  }

  /** Bytes charged to {@link BrokerConfig#maxStoreBytes()}: persistent sessions' messages and retained. */
  public long storeBytes() {
    return budget.used();
  }

  private void restore(RestoredState state) {
    Instant now = wall.instant();
    for (RestoredState.Session stored : state.sessions()) {
      Session session = newSession(stored.clientId(), true);
      session.restore(stored);
      stored.subscriptions().forEach((filter, qos) -> addToTree(filter, session, qos));
      sessions.put(stored.clientId(), session);
      // Connected when the gateway stopped: offline from now. An outbox is spared once prepared.
      if (stored.offlineSince().isEmpty()) {
        store.write(new BrokerChange.OfflineSinceSaved(stored.clientId(), now));
      }
      Instant since = stored.offlineSince().orElse(now);
      expireAfter(session, config.persistentSessionExpiry().minus(Duration.between(since, now)));
    }
    for (Message message : state.retained()) {
      retained.restore(message);
    }
    // Last: a will may fire at once, and must reach the sessions and retained store read back above.
    wills.restore(state.wills(), will -> publish(null, will, IGNORE_OUTCOME));
  }

  private Session newSession(String clientId, boolean persistent) {
    SessionLog log = persistent ? new StoredSessionLog(clientId, store, budget) : CleanSessionLog.INSTANCE;
    OutboundFlow outbound = new OutboundFlow(clientId, log, overflow, config.maxQueuedMessages(),
        config.maxQueuedBytes(), holdTime, memory, wall);
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

  /**
   * Stores when retained, then offers the message to every matching session but {@code excluded};
   * a subscriber over its bounds may hold {@code ack} back.
   *
   * @param publisher the session it came from, for the no-local subscriptions; null for the gateway's own
   */
  private PublishOutcome route(Message message, Session publisher, Session excluded, PendingAck ack) {
    boolean congested = message.retain() && !retained.keep(message);
    Message live = message.withFlags(message.qos(), false);
    MatchSet<Session> matches = enterRouting();
    MatchSet<ShareGroup> groups = groupMatchSets.get(routingDepth - 1);
    try {
      subscriptions.match(message.topic(), matches);
      for (int i = 0; i < matches.size(); i++) {
        Session subscriber = matches.subscriber(i);
        if (subscriber != excluded && mayReceive(subscriber, message.topic())) {
          Message copy = subscriber.hasDeliveryOptions()
              ? subscriber.throughOptions(live, message.retain(), subscriber == publisher)
              : live.withFlags(live.qos().min(matches.qos(i)), subscriber.retainAsPublished() && message.retain());
          if (copy != null) {
            congested |= !offer(subscriber, copy, ack, null);
          }
        }
      }
      shared.match(message.topic(), groups);
      for (int i = 0; i < groups.size(); i++) {
        congested |= !offerToOne(groups.subscriber(i), live, excluded, ack);
      }
      return congested ? PublishOutcome.CONGESTED : PublishOutcome.ACCEPTED;
    } finally {
      matches.clear();
      groups.clear();
      routingDepth--;
    }
  }

  /** To one member of a shared subscription; true when there is none that may have it. */
  private boolean offerToOne(ShareGroup group, Message message, Session excluded, PendingAck ack) {
    ShareGroup.Member member =
        group.choose(message, session -> session != excluded && mayReceive(session, message.topic()));
    return member == null
        || offer(member.session(), message.withFlags(message.qos().min(member.qos()), false), ack, group);
  }

  /**
   * Exactly-once routing: a message that some subscriber could not take goes to none of them, so
   * the sender's later resend reaches each subscriber once.
   */
  private PublishOutcome routeToAllOrNone(Message message, Session publisher, Session excluded, PendingAck ack) {
    MatchSet<Session> matches = enterRouting();
    MatchSet<ShareGroup> groups = groupMatchSets.get(routingDepth - 1);
    try {
      subscriptions.match(message.topic(), matches);
      for (int i = 0; i < matches.size(); i++) {
        Session subscriber = matches.subscriber(i);
        if (subscriber != excluded && mayReceive(subscriber, message.topic())
            && !subscriber.outbound().wouldTake(message.withFlags(message.qos().min(matches.qos(i)), false))) {
          overflow.countRefused();
          return PublishOutcome.CONGESTED;
        }
      }
      // A shared subscription takes it if its chosen member does: the one that routing will choose.
      shared.match(message.topic(), groups);
      for (int i = 0; i < groups.size(); i++) {
        ShareGroup.Member member = groups.subscriber(i)
            .peek(message, session -> session != excluded && mayReceive(session, message.topic()));
        if (member != null
            && !member.session().outbound().wouldTake(message.withFlags(message.qos().min(member.qos()), false))) {
          overflow.countRefused();
          return PublishOutcome.CONGESTED;
        }
      }
    } finally {
      matches.clear();
      groups.clear();
      routingDepth--;
    }
    return route(message, publisher, excluded, ack);
  }

  private MatchSet<Session> enterRouting() {
    if (routingDepth == matchSets.size()) {
      matchSets.add(new MatchSet<>());
      groupMatchSets.add(new MatchSet<>());
    }
    return matchSets.get(routingDepth++);
  }

  /** A filter a client may subscribe to: an ordinary one, or a well-formed shared one. */
  private static boolean isValidFilter(String filter) {
    return SharedFilter.isShared(filter) ? SharedFilter.parse(filter).isPresent() : Topics.isValidFilter(filter);
  }

  /** The filter that decides what a subscription receives, and so what the access rules judge. */
  private static String matchedFilter(String filter) {
    return SharedFilter.parse(filter).map(SharedFilter::filter).orElse(filter);
  }

  private void addToTree(String filter, Session session, Qos qos) {
    Optional<SharedFilter> share = SharedFilter.parse(filter);
    if (share.isPresent()) {
      shared.subscribe(share.get(), session, qos);
    } else {
      subscriptions.subscribe(filter, session, qos);
    }
  }

  private void removeFromTree(String filter, Session session) {
    Optional<SharedFilter> share = SharedFilter.parse(filter);
    if (share.isPresent()) {
      shared.unsubscribe(share.get(), session);
    } else {
      subscriptions.unsubscribe(filter, session);
    }
  }

  private void deliverRetained(Session session, Subscription subscription) {
    Instant now = wall.instant();
    for (Message message : retained.matching(subscription.filter())) {
      if (mayReceive(session, message.topic()) && !message.properties().expiredAt(now)) {
        List<Integer> identifier = subscription.identifier() == 0 ? List.of() : List.of(subscription.identifier());
        offer(session, message.withFlags(message.qos().min(subscription.qos()), true)
            .withProperties(message.properties().withSubscriptionIdentifiers(identifier)), null, null);
      }
    }
  }

  private boolean mayPublish(Session session, String topic) {
    return session.outbox() || access.mayPublish(session.identity(), topic);
  }

  private boolean mayReceive(Session session, String topic) {
    return session.outbox() || access.mayReceive(session.identity(), topic);
  }

  /** A will its client may not publish is dropped at connect, not refused when it would fire. */
  private Message permittedWill(Session session, Optional<Message> will) {
    if (will.isPresent() && !mayPublish(session, will.get().topic())) {
      log.debug("client {}: will to {} dropped, the client may not publish there", session.clientId(),
          will.get().topic());
      return null;
    }
    return will.orElse(null);
  }

  /** @param via the shared subscription the message came through; null for an ordinary one */
  private boolean offer(Session session, Message message, PendingAck ack, ShareGroup via) {
    boolean accepted = session.outbound().offer(message, ack, via);
    if (!accepted) {
      overflow.countRefused();
    }
    return accepted;
  }

  /**
   * The queues' memory is full: the longest queue but an outbox loses its oldest messages, at least
   * {@code bytes} and a sixteenth of the memory, so that a flood does not scan the sessions per
   * message. False when no queue has anything to give.
   */
  private boolean reclaimMemory(long bytes) {
    Session longest = null;
    for (Session session : sessions.values()) {
      if (!session.outbox()
          && (longest == null || session.outbound().queuedBytes() > longest.outbound().queuedBytes())) {
        longest = session;
      }
    }
    if (longest == null || longest.outbound().queuedBytes() == 0) {
      return false;
    }
    longest.outbound().evict(Math.max(bytes, config.maxQueuedTotalBytes() / 16));
    return true;
  }

  /** A connection, or the bridge, took the session back: it no longer expires. */
  private void backOnline(Session session) {
    if (session.cancelExpiry()) {
      store.write(new BrokerChange.OfflineSinceDeleted(session.clientId()));
    }
  }

  private void expireAfter(Session session, Duration delay) {
    Duration due = delay.isNegative() ? Duration.ZERO : delay;
    session.expiresWith(scheduler.schedule(due, () -> expire(session)));
  }

  private void expire(Session session) {
    if (sessions.get(session.clientId()) != session || session.handle() != null) {
      return;
    }
    expiredSessions.increment();
    log.info("client {}: persistent session expired, no connection for {} s", session.clientId(),
        session.expiry(config.persistentSessionExpiry()).toSeconds());
    end(session);
  }

  /**
   * Discards a session: its subscriptions leave the tree and what it kept leaves the store. What
   * it had from shared subscriptions and had not acknowledged goes to another member of each.
   */
  private void end(Session session) {
    DelayedWill waiting = delayedWills.remove(session.clientId());
    if (waiting != null) {
      waiting.timer().cancel();
      publish(null, waiting.will(), IGNORE_OUTCOME);
    }
    List<Queued> handedOver = session.outbound().undeliveredShared();
    for (String filter : session.filters()) {
      removeFromTree(filter, session);
    }
    sessions.remove(session.clientId(), session);
    overflow.forget(session.clientId());
    session.end();
    for (Queued undelivered : handedOver) {
      ShareGroup group = shared.group(undelivered.via().filter());
      if (group != null) {
        offerToOne(group, undelivered.message(), null, null);
      }
    }
  }
}
