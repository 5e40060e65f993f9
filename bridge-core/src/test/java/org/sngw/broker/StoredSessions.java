package org.sngw.broker;

import org.sngw.store.MapStateStore;
import org.sngw.store.StoredState;

/** Reads one session back from what a {@link MapStateStore} made durable. */
final class StoredSessions {
  private StoredSessions() {}

  /** The durable session of a client id; fails the test if there is none. */
  static RestoredState.Session of(MapStateStore store, String clientId) {
    return store.load().broker().sessions().stream()
        .filter(session -> session.clientId().equals(clientId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no stored session " + clientId));
  }
}
