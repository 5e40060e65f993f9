package org.sngw.sn.codec;

import java.util.Objects;

/**
 * How a packet names a topic. PUBLISH uses {@link Registered}, {@link Predefined} or {@link
 * Short}; SUBSCRIBE and UNSUBSCRIBE use {@link Named}, {@link Predefined} or {@link Short}.
 */
public sealed interface SnTopic {
  TopicIdType type();

  /** A topic id handed out by REGISTER/REGACK (topic id type normal, in PUBLISH). */
  record Registered(int id) implements SnTopic {
    public Registered {
      SnPacket.requireUnsigned16("topic id", id);
    }

    @Override
    public TopicIdType type() {
      return TopicIdType.NORMAL;
    }
  }

  /** A full topic name or filter, possibly with wildcards (topic id type normal, in SUBSCRIBE). */
  record Named(String name) implements SnTopic {
    public Named {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public TopicIdType type() {
      return TopicIdType.NORMAL;
    }
  }

  /** A topic id both sides know in advance from configuration. */
  record Predefined(int id) implements SnTopic {
    public Predefined {
      SnPacket.requireUnsigned16("topic id", id);
    }

    @Override
    public TopicIdType type() {
      return TopicIdType.PREDEFINED;
    }
  }

  /** A topic name of exactly two characters, carried in the two topic id bytes. */
  record Short(String name) implements SnTopic {
    public Short {
      Objects.requireNonNull(name, "name");
      if (name.length() != 2 || name.charAt(0) > 0xFF || name.charAt(1) > 0xFF) {
        throw new IllegalArgumentException("a short topic name is two single-byte characters: " + name);
      }
    }

    /** The two characters as the 16-bit topic id field. */
    public int asId() {
      return (name.charAt(0) << 8) | name.charAt(1);
    }

    public static Short fromId(int id) {
      return new Short(new String(new char[] {(char) ((id >> 8) & 0xFF), (char) (id & 0xFF)}));
    }

    @Override
    public TopicIdType type() {
      return TopicIdType.SHORT;
    }
  }
}
