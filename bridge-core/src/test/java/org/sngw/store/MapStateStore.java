package org.sngw.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.sngw.broker.BrokerChange;
import org.sngw.broker.ClientIdentity;
import org.sngw.broker.DeliveryOptions;
import org.sngw.broker.RestoredState;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.sn.gateway.TopicIdChange;

/**
 * An honest in-memory {@link StateStore} for tests: it keeps everything in maps, and {@link #load()}
 * returns what was made durable, so a second broker over the same store is a restart.
 *
 * <p>By default every write is durable at once and {@link #afterDurable} runs its action at once.
 * With {@link #deferDurability()} writes and actions wait, like a group commit, until {@link
 * #flush()}; {@link #crash()} then loses them (a power cut), while {@link #stop()} keeps the writes
 * but drops the actions (a clean shutdown: nobody is left to acknowledge).
 *
 * <p>It is strict where a write would reveal a bug in its caller: writing to a session that was
 * never saved (or saving one twice), saving an outgoing sequence twice, or marking, releasing or
 * deleting one that is not there throws {@link IllegalStateException} at the call. Not thread-safe:
 * like the real store, it is called on one thread.
 */
public final class MapStateStore implements StateStore {
  private State durable = new State();
  // Durable state plus every write not yet flushed: what the caller sees it has written.
  private State current = new State();
  private final List<Consumer<State>> unflushed = new ArrayList<>();
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private boolean deferring;
  private long written;
  private long flushed;

  /** From now on writes become durable, and actions run, only when the test calls {@link #flush()}. */
  public void deferDurability() {
    deferring = true;
  }

  /**
   * Makes every write so far durable, then runs the actions waiting for them, in order. An action
   * that writes and waits again stays waiting for the next flush.
   */
  public void flush() {
    for (Consumer<State> write : unflushed) {
      write.accept(durable);
    }
    unflushed.clear();
    flushed = written;
    while (!waiting.isEmpty() && waiting.peekFirst().after() <= flushed) {
      waiting.pollFirst().action().run();
    }
  }

  /** A power cut: writes not flushed and waiting actions are lost. Restart with a new broker. */
  public void crash() {
    unflushed.clear();
    waiting.clear();
    written = flushed;
    current = durable.copy();
  }

  /** A clean shutdown: every write becomes durable; waiting actions are dropped. Restart with a new broker. */
  public void stop() {
    for (Consumer<State> write : unflushed) {
      write.accept(durable);
    }
    unflushed.clear();
    waiting.clear();
    flushed = written;
  }

  /** How many writes have been made so far, durable or not. */
  public long writeCount() {
    return written;
  }

  /** How many writes wait for {@link #flush()}. */
  public int unflushedWrites() {
    return unflushed.size();
  }

  /** The durable state; may be called any number of times. */
  @Override
  public StoredState load() {
    return durable.toStoredState();
  }

  @Override
  public void write(BrokerChange change) {
    write(applying(change));
  }

  @Override
  public void write(TopicIdChange change) {
    write(applying(change));
  }

  @Override
  public void afterDurable(Runnable action) {
    if (waiting.isEmpty() && flushed == written) {
      action.run();
    } else {
      waiting.addLast(new Waiting(written, action));
    }
  }

  /** Offline times are kept in milliseconds, like the real store. */
  private static Consumer<State> applying(BrokerChange change) {
    if (change instanceof BrokerChange.SessionSaved c) {
      return state -> {
        if (state.sessions.putIfAbsent(c.clientId(), new SessionState()) != null) {
          throw new IllegalStateException("session already saved: " + c.clientId());
        }
      };
    } else if (change instanceof BrokerChange.OwnerSaved c) {
      return state -> state.session(c.owner().clientId()).owner = Optional.of(c.owner());
    } else if (change instanceof BrokerChange.SessionDeleted c) {
      return state -> {
        if (state.sessions.remove(c.clientId()) == null) {
          throw new IllegalStateException("no session to delete: " + c.clientId());
        }
      };
    } else if (change instanceof BrokerChange.OfflineSinceSaved c) {
      return state -> state.session(c.clientId()).offlineSince = Optional.of(c.since().truncatedTo(ChronoUnit.MILLIS));
    } else if (change instanceof BrokerChange.OfflineSinceDeleted c) {
      return state -> state.session(c.clientId()).offlineSince = Optional.empty();
    } else if (change instanceof BrokerChange.SubscriptionSaved c) {
      return state -> {
        SessionState session = state.session(c.clientId());
        session.subscriptions.put(c.filter(), c.qos());
        if (c.options().isPlain()) {
          session.subscriptionOptions.remove(c.filter());
        } else {
          session.subscriptionOptions.put(c.filter(), c.options());
        }
      };
    } else if (change instanceof BrokerChange.SubscriptionDeleted c) {
      return state -> {
        state.session(c.clientId()).subscriptions.remove(c.filter());
        state.session(c.clientId()).subscriptionOptions.remove(c.filter());
      };
    } else if (change instanceof BrokerChange.OutboundSaved c) {
      return state -> {
        RestoredState.Outbound fresh = new RestoredState.Outbound(c.sequence(), c.message(), 0, false);
        if (state.session(c.clientId()).outbound.putIfAbsent(c.sequence(), fresh) != null) {
          throw new IllegalStateException("outbound " + c.sequence() + " already saved for " + c.clientId());
        }
      };
    } else if (change instanceof BrokerChange.Sent c) {
      return state -> {
        RestoredState.Outbound stored = state.outbound(c.clientId(), c.sequence());
        RestoredState.Outbound sent = new RestoredState.Outbound(c.sequence(), stored.message(), c.packetId(), false);
        state.session(c.clientId()).outbound.put(c.sequence(), sent);
      };
    } else if (change instanceof BrokerChange.Released c) {
      return state -> {
        RestoredState.Outbound stored = state.outbound(c.clientId(), c.sequence());
        if (stored.packetId() == 0) {
          throw new IllegalStateException(
              "outbound " + c.sequence() + " of " + c.clientId() + " released before it was sent");
        }
        RestoredState.Outbound released =
            new RestoredState.Outbound(c.sequence(), stored.message(), stored.packetId(), true);
        state.session(c.clientId()).outbound.put(c.sequence(), released);
      };
    } else if (change instanceof BrokerChange.OutboundDeleted c) {
      return state -> {
        state.outbound(c.clientId(), c.sequence());
        state.session(c.clientId()).outbound.remove(c.sequence());
      };
    } else if (change instanceof BrokerChange.InboundIdSaved c) {
      return state -> state.session(c.clientId()).inboundIds.add(c.packetId());
    } else if (change instanceof BrokerChange.InboundIdDeleted c) {
      return state -> state.session(c.clientId()).inboundIds.remove(c.packetId());
    } else if (change instanceof BrokerChange.RetainedSaved c) {
      return state -> state.retained.put(c.message().topic(), c.message());
    } else if (change instanceof BrokerChange.RetainedDeleted c) {
      return state -> state.retained.remove(c.topic());
    } else if (change instanceof BrokerChange.WillSaved c) {
      return state -> state.wills.put(c.clientId(), new RestoredState.Will(c.clientId(), c.will(), c.keepAlive()));
    } else if (change instanceof BrokerChange.WillDeleted c) {
      return state -> state.wills.remove(c.clientId());
    }
    throw new IllegalArgumentException("unknown broker change: " + change);
  }

  private static Consumer<State> applying(TopicIdChange change) {
    if (change instanceof TopicIdChange.Saved c) {
      return state -> state.topicIds.computeIfAbsent(c.clientId(), id -> new TreeMap<>())
          .put(c.topicId(), c.topicName());
    } else if (change instanceof TopicIdChange.Deleted c) {
      return state -> {
        TreeMap<Integer, String> ids = state.topicIds.get(c.clientId());
        if (ids != null) {
          ids.remove(c.topicId());
        }
      };
    } else if (change instanceof TopicIdChange.AllDeleted c) {
      return state -> state.topicIds.remove(c.clientId());
    }
    throw new IllegalArgumentException("unknown topic id change: " + change);
  }

  /** Applies a write to what the caller sees (throwing there if it is wrong), then to the durable state. */
  private void write(Consumer<State> change) {
    change.accept(current);
    written++;
    if (deferring) {
      unflushed.add(change);
    } else {
      change.accept(durable);
      flushed = written;
    }
  }

  /** An action and the count of writes that must be durable before it runs. */
  private record Waiting(long after, Runnable action) {}

  private static final class SessionState {
    final Map<String, Qos> subscriptions = new LinkedHashMap<>();
    final Map<String, DeliveryOptions> subscriptionOptions = new LinkedHashMap<>();
    final TreeMap<Long, RestoredState.Outbound> outbound = new TreeMap<>();
    final TreeSet<Integer> inboundIds = new TreeSet<>();
    Optional<Instant> offlineSince = Optional.empty();
    Optional<ClientIdentity> owner = Optional.empty();

    SessionState copy() {
      SessionState copy = new SessionState();
      copy.offlineSince = offlineSince;
      copy.owner = owner;
      copy.subscriptions.putAll(subscriptions);
      copy.subscriptionOptions.putAll(subscriptionOptions);
      copy.outbound.putAll(outbound);
      copy.inboundIds.addAll(inboundIds);
      return copy;
    }
  }

  private static final class State {
    final Map<String, SessionState> sessions = new LinkedHashMap<>();
    final Map<String, Message> retained = new LinkedHashMap<>();
    final Map<String, RestoredState.Will> wills = new LinkedHashMap<>();
    final Map<String, TreeMap<Integer, String>> topicIds = new LinkedHashMap<>();

    SessionState session(String clientId) {
      SessionState session = sessions.get(clientId);
      if (session == null) {
        throw new IllegalStateException("no saved session: " + clientId);
      }
      return session;
    }

    RestoredState.Outbound outbound(String clientId, long sequence) {
      RestoredState.Outbound stored = session(clientId).outbound.get(sequence);
      if (stored == null) {
        throw new IllegalStateException("no outbound " + sequence + " for " + clientId);
      }
      return stored;
    }

    State copy() {
      State copy = new State();
      sessions.forEach((id, session) -> copy.sessions.put(id, session.copy()));
      copy.retained.putAll(retained);
      copy.wills.putAll(wills);
      topicIds.forEach((id, ids) -> copy.topicIds.put(id, new TreeMap<>(ids)));
      return copy;
    }

    StoredState toStoredState() {
      List<RestoredState.Session> storedSessions = new ArrayList<>();
      sessions.forEach((id, session) -> storedSessions.add(new RestoredState.Session(id, session.subscriptions,
          List.copyOf(session.outbound.values()), session.inboundIds, session.offlineSince, session.owner,
          session.subscriptionOptions)));
      Map<String, Map<Integer, String>> ids = new LinkedHashMap<>();
      topicIds.forEach((id, names) -> ids.put(id, Map.copyOf(names)));
      return new StoredState(
          new RestoredState(storedSessions, List.copyOf(retained.values()), List.copyOf(wills.values())), ids);
    }
  }
}
