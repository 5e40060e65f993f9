package org.sngw.sn.gateway;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sngw.time.Clock;

/**
 * Incoming QoS 2 messages a sensor released (PUBREL) a short while ago. Over UDP a datagram can be
 * duplicated and arrive late: a copy of a PUBLISH that comes after its PUBREL carries an id the
 * broker has already forgotten, and would be published a second time. A PUBLISH with the id and the
 * content of a message released within the grace period is taken for such a copy. Sensors count
 * their message ids up, so a genuinely new message does not reuse an id that soon.
 */
final class ReleasedExactlyOnce {
  private record Content(String topic, int hash, int length, long releasedAtNanos) {
    boolean sameAs(String otherTopic, byte[] data) {
      return topic.equals(otherTopic) && length == data.length && hash == Arrays.hashCode(data);
    }
  }

  private final Clock clock;
  private final long graceNanos;
  private final int capacity;
  // Both null until the first QoS 2 PUBLISH: most sensors never send one, and every session has this.
  private Map<Integer, Content> received;
  private Map<Integer, Content> released;

  ReleasedExactlyOnce(Clock clock, Duration grace, int capacity) {
    this.clock = clock;
    this.graceNanos = grace.toNanos();
    this.capacity = capacity;
  }

  /** A QoS 2 PUBLISH was accepted under this id. */
  void received(int msgId, String topic, byte[] data) {
    if (received == null) {
      received = bounded(capacity);
      released = bounded(capacity);
    }
    received.put(msgId, new Content(topic, Arrays.hashCode(data), data.length, 0));
  }

  /** The sensor's PUBREL for this id. */
  void released(int msgId) {
    Content content = received == null ? null : received.remove(msgId);
    if (content != null) {
      released.put(msgId, new Content(content.topic(), content.hash(), content.length(), clock.nanos()));
    }
  }

  /** Whether this PUBLISH is a late copy of a message released within the grace period. */
  boolean isLateCopy(int msgId, String topic, byte[] data) {
    Content content = released == null ? null : released.get(msgId);
    if (content == null) {
      return false;
    }
    if (clock.nanos() - content.releasedAtNanos() > graceNanos) {
      released.remove(msgId);
      return false;
    }
    return content.sameAs(topic, data);
  }

  private static Map<Integer, Content> bounded(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Integer, Content> eldest) {
        return size() > capacity;
      }
    };
  }
}
