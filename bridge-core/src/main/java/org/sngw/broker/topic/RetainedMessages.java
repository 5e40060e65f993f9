package org.sngw.broker.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.sngw.message.Message;

/**
 * The last retained message of each topic. A filter without wildcards is one lookup; a wildcard
 * filter scans, which only subscribing does.
 */
public final class RetainedMessages {
  private final HashMap<String, Message> byTopic = new HashMap<>();

  /** Keeps a retained message as its topic's, or with an empty payload forgets the topic's. */
  public void store(Message message) {
    if (message.payload().length == 0) {
      byTopic.remove(message.topic());
    } else {
      byTopic.put(message.topic(), message);
    }
  }

  /** Topics with a retained message. */
  public int size() {
    return byTopic.size();
  }

  /** The retained message of a topic, or null. */
  public Message get(String topic) {
    return byTopic.get(topic);
  }

  /** The retained messages a valid filter matches, copied out so callers may publish meanwhile. */
  public List<Message> matching(String filter) {
    if (!Topics.hasWildcard(filter)) {
      Message message = byTopic.get(filter);
      return message == null ? List.of() : List.of(message);
    }
    List<Message> found = new ArrayList<>();
    for (Message message : byTopic.values()) {
      if (Topics.matches(filter, message.topic())) {
        found.add(message);
      }
    }
    return found;
  }
}
