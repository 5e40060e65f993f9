package org.sngw.mqtt;

import java.util.HashMap;
import java.util.Map;

/**
 * MQTT 5's topic aliases of one connection, each way: the client's, which the server learns from
 * its PUBLISHes (at most {@link #FROM_CLIENT}, as CONNACK announces), and the server's own, which it
 * gives the first {@code toClient} topics it sends (as many as the client's Topic Alias Maximum
 * allows, up to {@link #TO_CLIENT}), so a sensor's long topic goes over the wire once. Both are
 * bounded, and gone with the connection.
 */
final class TopicAliases {
  /** Aliases a client may set, announced as Topic Alias Maximum. */
  static final int FROM_CLIENT = 32;
  /** Aliases the server sets at most, however many the client takes. */
  static final int TO_CLIENT = 32;

  /** An alias a client's PUBLISH may not use. */
  static final class InvalidAlias extends Exception {
    InvalidAlias(String message) {
      super(message);
    }
  }

  /** What the server sends a PUBLISH with: the topic (empty once the alias is known) and the alias (0 for none). */
  record Outgoing(String topic, int alias) {}

  private final String[] fromClient = new String[FROM_CLIENT + 1];
  private final Map<String, Integer> toClient = new HashMap<>();
  private final int toClientMaximum;

  /** @param clientMaximum the client's Topic Alias Maximum; 0 for none */
  TopicAliases(int clientMaximum) {
    this.toClientMaximum = Math.min(Math.max(clientMaximum, 0), TO_CLIENT);
  }

  /**
   * The topic of a client's PUBLISH: its topic name, which an alias then stands for, or, with an
   * empty name, what the alias stands for. Runs on the connection's I/O thread.
   *
   * @param alias 0 for none
   * @throws InvalidAlias for an alias out of range, or an empty name with an alias never set
   */
  String fromClient(String topic, int alias) throws InvalidAlias {
    if (alias == 0) {
      return topic;
    }
    if (alias < 0 || alias > FROM_CLIENT) {
      throw new InvalidAlias("topic alias " + alias + " is over the maximum " + FROM_CLIENT);
    }
    if (!topic.isEmpty()) {
      fromClient[alias] = topic;
      return topic;
    }
    if (fromClient[alias] == null) {
      throw new InvalidAlias("topic alias " + alias + " was never set");
    }
    return fromClient[alias];
  }

  /** How to send a PUBLISH to {@code topic}; runs on the core thread, which sends them all in order. */
  Outgoing toClient(String topic) {
    Integer known = toClient.get(topic);
    if (known != null) {
      return new Outgoing("", known);
    }
    if (toClient.size() < toClientMaximum) {
      int alias = toClient.size() + 1;
      toClient.put(topic, alias);
      return new Outgoing(topic, alias);
    }
    return new Outgoing(topic, 0);
  }
}
