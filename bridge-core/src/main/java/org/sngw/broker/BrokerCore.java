package org.sngw.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.sngw.broker.topic.MatchSet;
import org.sngw.broker.topic.RetainedMessages;
import org.sngw.broker.topic.SubscriptionTree;
import org.sngw.broker.topic.Topics;
import org.sngw.config.BrokerConfig;

/**
 * The in-memory broker: ties sessions, the subscription tree and retained messages together.
 * Called only on the core loop; calls made with a stale handle are ignored and their callbacks never
 * run. A message is safe as soon as it is routed, so {@code done} runs before a publish returns.
 */
public final class BrokerCore implements Broker {
  private static final Consumer<PublishOutcome> IGNORE_OUTCOME = outcome -> {};

  private final int maxQueuedMessages;
  private final Map<String, Session> sessions = new HashMap<>();
  private final SubscriptionTree<Session> subscriptions = new SubscriptionTree<>();
  private final RetainedMessages retained = new RetainedMessages();
  // One match set per nesting level: a sink may publish from inside a delivery.
  private final List<MatchSet<Session>> matchSets = new ArrayList<>();
  private int routingDepth;

  public BrokerCore(BrokerConfig config) {
    this.maxQueuedMessages = Objects.requireNonNull(config, "config").maxQueuedMessages();
  }

  @Override
  public ClientHandle connect(ConnectRequest request, SessionSink sink) {
    Session existing = sessions.get(request.clientId());
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
      session = new Session(request.clientId(), !request.cleanSession(), maxQueuedMessages);
      sessions.put(request.clientId(), session);
    }
    SessionHandle handle = new SessionHandle(session, sink, existing != null, request.will().orElse(null));
    session.attach(handle, request.inflightWindow());
    return handle;
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
  }

  @Override
  public void updateWill(ClientHandle client, Optional<Message> will) {
    SessionHandle handle = attached(client);
    if (handle != null) {
      handle.setWill(will.orElse(null));
    }
  }

  @Override
  public void publish(ClientHandle from, Message message, Consumer<PublishOutcome> done) {
    if (from != null && attached(from) == null) {
      return;
    }
    done.accept(Topics.isValidName(message.topic()) ? route(message) : PublishOutcome.INVALID_TOPIC);
  }

  @Override
  public void publishExactlyOnce(ClientHandle from, int packetId, Message message, Consumer<PublishOutcome> done) {
    SessionHandle handle = attached(from);
    if (handle == null) {
      return;
    }
    if (!Topics.isValidName(message.topic())) {
      done.accept(PublishOutcome.INVALID_TOPIC);
    } else if (handle.session().rememberInbound(packetId)) {
      done.accept(route(message));
    } else {
      done.accept(PublishOutcome.ACCEPTED);
    }
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
    for (Subscription subscription : requested) {
      if (Topics.isValidFilter(subscription.filter())) {
        subscriptions.subscribe(subscription.filter(), session, subscription.qos());
        session.putSubscription(subscription.filter(), subscription.qos());
        grants.add(Optional.of(subscription.qos()));
      } else {
        grants.add(Optional.empty());
      }
    }
    granted.accept(List.copyOf(grants));
    for (int i = 0; i < requested.size(); i++) {
      if (grants.get(i).isPresent()) {
        deliverRetained(session, requested.get(i));
      }
    }
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
    done.run();
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

  /** The handle if it is one of ours and still attached, else null. */
  private static SessionHandle attached(ClientHandle client) {
    return client instanceof SessionHandle handle && handle.isAttached() ? handle : null;
  }

  /** Stores when retained, then offers the message to every matching session. */
  private PublishOutcome route(Message message) {
    if (message.retain()) {
      retained.store(message);
    }
    Message live = message.withFlags(message.qos(), false);
    MatchSet<Session> matches = enterRouting();
    try {
      subscriptions.match(message.topic(), matches);
      boolean congested = false;
      for (int i = 0; i < matches.size(); i++) {
        Message delivered = live.withFlags(live.qos().min(matches.qos(i)), false);
        congested |= !matches.subscriber(i).outbound().offer(delivered);
      }
      return congested ? PublishOutcome.CONGESTED : PublishOutcome.ACCEPTED;
    } finally {
      matches.clear();
      routingDepth--;
    }
  }

  private MatchSet<Session> enterRouting() {
    if (routingDepth == matchSets.size()) {
      matchSets.add(new MatchSet<>());
    }
    return matchSets.get(routingDepth++);
  }

  private void deliverRetained(Session session, Subscription subscription) {
    for (Message message : retained.matching(subscription.filter())) {
      session.outbound().offer(message.withFlags(message.qos().min(subscription.qos()), true));
    }
  }

  /** Discards a session: its subscriptions leave the tree and its messages are dropped. */
  private void end(Session session) {
    for (String filter : session.filters()) {
      subscriptions.unsubscribe(filter, session);
    }
    sessions.remove(session.clientId(), session);
  }
}
