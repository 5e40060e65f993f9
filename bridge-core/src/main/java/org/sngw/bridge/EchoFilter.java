package org.sngw.bridge;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers what went out on topics an "in" rule also covers, so an MQTT 3.1.1 upstream (which has
 * no no-local) echoing it back is not taken for a new command. Bounded: the oldest entries go.
 */
final class EchoFilter {
  private record Sent(String topic, int hash, int length) {}

  private final Map<Sent, Integer> pending;

  EchoFilter(int capacity) {
    this.pending = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Sent, Integer> eldest) {
        return size() > capacity;
      }
    };
  }

  void sent(String remoteTopic, byte[] payload) {
    pending.merge(key(remoteTopic, payload), 1, Integer::sum);
  }

  /** True, once per copy sent, for a message that is our own coming back. */
  boolean isEcho(String remoteTopic, byte[] payload) {
    Sent key = key(remoteTopic, payload);
    Integer copies = pending.get(key);
    if (copies == null) {
      return false;
    }
    if (copies == 1) {
      pending.remove(key);
    } else {
      pending.put(key, copies - 1);
    }
    return true;
  }

  private static Sent key(String topic, byte[] payload) {
    return new Sent(Objects.requireNonNull(topic), Arrays.hashCode(payload), payload.length);
  }
}
