package org.sngw.broker;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.sngw.message.Message;
import org.sngw.time.Cancellable;
import org.sngw.time.Scheduler;

/**
 * The stored wills of connected clients, clean or not, so that a crash still fires them. After a
 * restart each will read back waits 1.5 times its client's keep-alive (none for a zero keep-alive)
 * and is then published, unless its client connects first. The live will of a connection is on its
 * {@link SessionHandle}; this class only keeps the store in step with it.
 */
final class Wills {
  private final BrokerStore store;
  private final Scheduler scheduler;
  // Client ids whose will is in the store, so a delete is written only when there is one.
  private final Set<String> stored = new HashSet<>();
  private final Map<String, Cancellable> waiting = new HashMap<>();

  Wills(BrokerStore store, Scheduler scheduler) {
    this.store = store;
    this.scheduler = scheduler;
  }

  /** Starts the grace period of every will read back from the store; {@code publish} fires one. */
  void restore(List<RestoredState.Will> wills, Consumer<Message> publish) {
    for (RestoredState.Will will : wills) {
      stored.add(will.clientId());
      Duration grace = will.keepAlive().multipliedBy(3).dividedBy(2);
      if (grace.isZero()) {
        fire(will, publish);
      } else {
        waiting.put(will.clientId(), scheduler.schedule(grace, () -> fire(will, publish)));
      }
    }
  }

  /** A client connected: a will waiting from before the restart is called off; its own is stored. */
  void connected(String clientId, Message will, Duration keepAlive) {
    Cancellable pending = waiting.remove(clientId);
    if (pending != null) {
      pending.cancel();
    }
    put(clientId, will, keepAlive);
  }

  /** Stores a connected client's will, or with null forgets it. */
  void put(String clientId, Message will, Duration keepAlive) {
    if (will == null) {
      remove(clientId);
    } else {
      stored.add(clientId);
      store.write(new BrokerChange.WillSaved(clientId, will, keepAlive));
    }
  }

  /** The client is gone and its will dropped or published. */
  void remove(String clientId) {
    if (stored.remove(clientId)) {
      store.write(new BrokerChange.WillDeleted(clientId));
    }
  }

  // Published before it is deleted: a crash in between fires it again rather than never.
  private void fire(RestoredState.Will will, Consumer<Message> publish) {
    waiting.remove(will.clientId());
    publish.accept(will.message());
    remove(will.clientId());
  }
}
