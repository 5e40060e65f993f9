package org.sngw.sim;

import java.util.HashMap;
import java.util.Map;
import org.sngw.broker.topic.Topics;
import org.sngw.sn.codec.SnTopic;

/**
 * A sensor's side of topic ids: two-character names travel as short topics, configured names as
 * predefined ids, the rest as ids learnt from REGACK, SUBACK or the gateway's REGISTER.
 */
final class SensorTopics {
  private final Map<Integer, String> predefined;
  private final Map<String, Integer> predefinedIds = new HashMap<>();
  private final Map<String, Integer> idsByName = new HashMap<>();
  private final Map<Integer, String> namesById = new HashMap<>();

  SensorTopics(Map<Integer, String> predefined) {
    this.predefined = Map.copyOf(predefined);
    predefined.forEach((id, name) -> predefinedIds.put(name, id));
  }

  /** How to name a topic in PUBLISH, or null when it must be registered first. */
  SnTopic forPublish(String name) {
    if (isShort(name)) {
      return new SnTopic.Short(name);
    }
    Integer id = predefinedIds.get(name);
    if (id != null) {
      return new SnTopic.Predefined(id);
    }
    id = idsByName.get(name);
    return id == null ? null : new SnTopic.Registered(id);
  }

  SnTopic forSubscribe(String filter) {
    if (isShort(filter)) {
      return new SnTopic.Short(filter);
    }
    Integer id = predefinedIds.get(filter);
    return id != null ? new SnTopic.Predefined(id) : new SnTopic.Named(filter);
  }

  /** The topic name a PUBLISH from the gateway refers to, or null if this sensor has no such id. */
  String nameOf(SnTopic topic) {
    if (topic instanceof SnTopic.Registered registered) {
      return namesById.get(registered.id());
    } else if (topic instanceof SnTopic.Predefined id) {
      return predefined.get(id.id());
    } else if (topic instanceof SnTopic.Short shortName) {
      return shortName.name();
    }
    return null;
  }

  void learn(int id, String name) {
    String previous = namesById.put(id, name);
    if (previous != null && !previous.equals(name)) {
      idsByName.remove(previous, id);
    }
    idsByName.put(name, id);
  }

  void forget(SnTopic topic) {
    if (topic instanceof SnTopic.Registered registered) {
      String name = namesById.remove(registered.id());
      if (name != null) {
        idsByName.remove(name, registered.id());
      }
    }
  }

  void clear() {
    idsByName.clear();
    namesById.clear();
  }

  static int rawId(SnTopic topic) {
    if (topic instanceof SnTopic.Registered registered) {
      return registered.id();
    } else if (topic instanceof SnTopic.Predefined id) {
      return id.id();
    } else if (topic instanceof SnTopic.Short shortName) {
      return shortName.asId();
    }
    return 0;
  }

  private static boolean isShort(String name) {
    return name.length() == 2 && !Topics.hasWildcard(name);
  }
}
