package org.sngw.sn.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One client's normal topic ids, in both directions: ids the client asked for with REGISTER and
 * ids the gateway registered before its first PUBLISH on a topic. Ids count up from 1 and are not
 * reused while the registry lives (a client may still hold an old id).
 */
final class TopicRegistry {
  private static final int MAX_ID = 0xFFFF;

  private final Map<String, Integer> idsByName = new HashMap<>();
  private final Map<Integer, String> namesById = new HashMap<>();
  private int lastId;

  OptionalInt idOf(String name) {
    Integer id = idsByName.get(name);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** The topic name of a registered id, or null. */
  String nameOf(int id) {
    return namesById.get(id);
  }

  int size() {
    return idsByName.size();
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
    return OptionalInt.of(id);
  }

  /** Drops an id the client turned out not to know (it answered "invalid topic id"). */
  void forget(int id) {
    String name = namesById.remove(id);
    if (name != null) {
      idsByName.remove(name);
    }
  }
}
