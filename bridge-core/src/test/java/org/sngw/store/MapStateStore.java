package org.sngw.store;

import java.time.Duration;
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
import org.sngw.message.Message;
import org.sngw.message.Qos;

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
  public void saveSession(String clientId) {
    write(state -> {
      if (state.sessions.putIfAbsent(clientId, new SessionState()) != null) {
        throw new IllegalStateException("session already saved: " + clientId);
      }
    });
  }

  @Override
  public void deleteSession(String clientId) {
    write(state -> {
      if (state.sessions.remove(clientId) == null) {
        throw new IllegalStateException("no session to delete: " + clientId);
      }
    });
  }

  /** Kept in milliseconds, like the real store. */
  @Override
  public void saveOfflineSince(String clientId, Instant since) {
    write(state -> state.session(clientId).offlineSince = Optional.of(since.truncatedTo(ChronoUnit.MILLIS)));
  }

  @Override
  public void deleteOfflineSince(String clientId) {
    write(state -> state.session(clientId).offlineSince = Optional.empty());
  }

  @Override
  public void saveSubscription(String clientId, String filter, Qos qos) {
    write(state -> state.session(clientId).subscriptions.put(filter, qos));
  }

  @Override
  public void deleteSubscription(String clientId, String filter) {
    write(state -> state.session(clientId).subscriptions.remove(filter));
  }

  @Override
  public void saveOutbound(String clientId, long sequence, Message message) {
    write(state -> {
      StoredState.Outbound fresh = new StoredState.Outbound(sequence, message, 0, false);
      if (state.session(clientId).outbound.putIfAbsent(sequence, fresh) != null) {
        throw new IllegalStateException("outbound " + sequence + " already saved for " + clientId);
      }
    });
  }

  @Override
  public void saveSent(String clientId, long sequence, int packetId) {
    write(state -> {
      StoredState.Outbound stored = state.outbound(clientId, sequence);
      StoredState.Outbound sent = new StoredState.Outbound(sequence, stored.message(), packetId, false);
      state.session(clientId).outbound.put(sequence, sent);
    });
  }

  @Override
  public void saveReleased(String clientId, long sequence) {
    write(state -> {
      StoredState.Outbound stored = state.outbound(clientId, sequence);
      if (stored.packetId() == 0) {
        throw new IllegalStateException("outbound " + sequence + " of " + clientId + " released before it was sent");
      }
      StoredState.Outbound released = new StoredState.Outbound(sequence, stored.message(), stored.packetId(), true);
      state.session(clientId).outbound.put(sequence, released);
    });
  }

  @Override
  public void deleteOutbound(String clientId, long sequence) {
    write(state -> {
      state.outbound(clientId, sequence);
      state.session(clientId).outbound.remove(sequence);
    });
  }

  @Override
  public void saveInboundId(String clientId, int packetId) {
    write(state -> state.session(clientId).inboundIds.add(packetId));
  }

  @Override
  public void deleteInboundId(String clientId, int packetId) {
    write(state -> state.session(clientId).inboundIds.remove(packetId));
  }

  @Override
  public void saveRetained(Message message) {
    write(state -> state.retained.put(message.topic(), message));
  }

  @Override
  public void deleteRetained(String topic) {
    write(state -> state.retained.remove(topic));
  }

  @Override
  public void saveWill(String clientId, Message will, Duration keepAlive) {
    write(state -> state.wills.put(clientId, new StoredState.Will(clientId, will, keepAlive)));
  }

  @Override
  public void deleteWill(String clientId) {
    write(state -> state.wills.remove(clientId));
  }

  @Override
  public void saveTopicId(String clientId, int topicId, String topicName) {
    write(state -> state.topicIds.computeIfAbsent(clientId, id -> new TreeMap<>()).put(topicId, topicName));
  }

  @Override
  public void deleteTopicId(String clientId, int topicId) {
    write(state -> {
      TreeMap<Integer, String> ids = state.topicIds.get(clientId);
      if (ids != null) {
        ids.remove(topicId);
      }
    });
  }

  @Override
  public void deleteTopicIds(String clientId) {
    write(state -> state.topicIds.remove(clientId));
  }

  @Override
  public void afterDurable(Runnable action) {
    if (waiting.isEmpty() && flushed == written) {
      action.run();
    } else {
      waiting.addLast(new Waiting(written, action));
    }
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
    final TreeMap<Long, StoredState.Outbound> outbound = new TreeMap<>();
    final TreeSet<Integer> inboundIds = new TreeSet<>();
    Optional<Instant> offlineSince = Optional.empty();

    SessionState copy() {
      SessionState copy = new SessionState();
      copy.offlineSince = offlineSince;
      copy.subscriptions.putAll(subscriptions);
      copy.outbound.putAll(outbound);
      copy.inboundIds.addAll(inboundIds);
      return copy;
    }
  }

  private static final class State {
    final Map<String, SessionState> sessions = new LinkedHashMap<>();
    final Map<String, Message> retained = new LinkedHashMap<>();
    final Map<String, StoredState.Will> wills = new LinkedHashMap<>();
    final Map<String, TreeMap<Integer, String>> topicIds = new LinkedHashMap<>();

    SessionState session(String clientId) {
      SessionState session = sessions.get(clientId);
      if (session == null) {
        throw new IllegalStateException("no saved session: " + clientId);
      }
      return session;
    }

    StoredState.Outbound outbound(String clientId, long sequence) {
      StoredState.Outbound stored = session(clientId).outbound.get(sequence);
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
      List<StoredState.Session> storedSessions = new ArrayList<>();
      sessions.forEach((id, session) -> storedSessions.add(new StoredState.Session(id, session.subscriptions,
          List.copyOf(session.outbound.values()), session.inboundIds, session.offlineSince)));
      Map<String, Map<Integer, String>> ids = new LinkedHashMap<>();
      topicIds.forEach((id, names) -> ids.put(id, Map.copyOf(names)));
      return new StoredState(storedSessions, List.copyOf(retained.values()), List.copyOf(wills.values()), ids);
    }
  }
}
