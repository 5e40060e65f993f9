package org.sngw.sn.gateway;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One client's normal topic ids, in both directions: ids the client asked for with REGISTER and
 * ids the gateway registered before its first PUBLISH on a topic. Ids count up from 1 and are not
 * reused while the registry lives (a client may still hold an old id). Changes are reported to a
 * {@link Changes} listener, which stores them for persistent sessions.
 */
final class TopicRegistry {
  private static final int MAX_ID = 0xFFFF;

  /** Hears every registration and every forgotten id. */
  interface Changes {
    Changes NONE = new Changes() {
      @Override
      public void registered(int id, String name) {}

      @Override
      public void forgotten(int id) {}
    };

    void registered(int id, String name);

    void forgotten(int id);
  }

  private final Map<String, Integer> idsByName = new HashMap<>();
  private final Map<Integer, String> namesById = new HashMap<>();
  private final Changes changes;
  private int lastId;

  TopicRegistry(Changes changes) {
    this.changes = changes;
  }

  /** A registry holding ids restored from the store; new ids continue after the highest. */
  TopicRegistry(Changes changes, Map<Integer, String> restored) {
    this(changes);
    restored.forEach((id, name) -> {
      namesById.put(id, name);
      idsByName.merge(name, id, Math::max);
      lastId = Math.max(lastId, id);
    });
  }

  /** Topic names registered. */
  int size() {
    return idsByName.size();
  }

  /** The registered topic names, in no particular order. */
  Set<String> names() {
    return Collections.unmodifiableSet(idsByName.keySet());
  }

  OptionalInt idOf(String name) {
    Integer id = idsByName.get(name);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** The topic name of a registered id, or null. */
  String nameOf(int id) {
    return namesById.get(id);
  }

  /**
   * The id of a topic, registering it when new. Empty when {@code limit} topics are registered
   * already or the 16-bit id space is used up.
   */
  OptionalInt register(String name, int limit) {
    Integer known = idsByName.get(name);
    if (known != null) {
      return OptionalInt.of(known);
    }
    if (idsByName.size() >= limit || lastId >= MAX_ID) {
      return OptionalInt.empty();
    }
    int id = ++lastId;
    idsByName.put(name, id);
    namesById.put(id, name);
    changes.registered(id, name);
    return OptionalInt.of(id);
  }

  /** Drops an id the client turned out not to know (it answered "invalid topic id"). */
  void forget(int id) {
    String name = namesById.remove(id);
    if (name != null) {
      idsByName.remove(name, id);
      changes.forgotten(id);
    }
  }
}
