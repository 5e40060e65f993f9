package org.sngw.sn.gateway;

import java.util.HashMap;
import java.util.Map;

/**
 * Every client's {@link TopicRegistry}, by client id, so a persistent session keeps its topic ids
 * across reconnects and, through the store, across restarts. A clean session starts from nothing.
 */
final class TopicRegistries {
  private final TopicIdStore store;
  private final Map<String, TopicRegistry> byClient = new HashMap<>();

  TopicRegistries(TopicIdStore store, Map<String, Map<Integer, String>> restored) {
    this.store = store;
    restored.forEach((clientId, ids) -> byClient.put(clientId, new TopicRegistry(storing(clientId), ids)));
  }

  /** The registry for a connection: the stored one of a persistent session, or a fresh one. */
  TopicRegistry forConnection(String clientId, boolean cleanSession) {
    if (!cleanSession) {
      return byClient.computeIfAbsent(clientId, id -> new TopicRegistry(storing(id)));
    }
    if (byClient.remove(clientId) != null) {
      store.write(new TopicIdChange.AllDeleted(clientId));
    }
    return new TopicRegistry(TopicRegistry.Changes.NONE);
  }

  private TopicRegistry.Changes storing(String clientId) {
    return new TopicRegistry.Changes() {
      @Override
      public void registered(int id, String name) {
        store.write(new TopicIdChange.Saved(clientId, id, name));
      }

      @Override
      public void forgotten(int id) {
        store.write(new TopicIdChange.Deleted(clientId, id));
      }
    };
  }
}
