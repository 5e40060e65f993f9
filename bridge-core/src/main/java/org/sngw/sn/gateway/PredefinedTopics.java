package org.sngw.sn.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** Topic ids from configuration that every client may use without REGISTER. Immutable. */
final class PredefinedTopics {
  private final Map<Integer, String> names;
  private final Map<String, Integer> ids = new HashMap<>();

  PredefinedTopics(Map<Integer, String> byId) {
    this.names = Map.copyOf(byId);
    names.forEach((id, name) -> ids.put(name, id));
  }

  /** The topic name of a predefined id, or null. */
  String nameOf(int id) {
    return names.get(id);
  }

  OptionalInt idOf(String name) {
    Integer id = ids.get(name);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }
}
