package org.sngw.broker;

import java.util.function.Predicate;

/**
 * Which topics a client may publish to, subscribe to and receive. Asked on the core loop for every
 * publish, subscribe, delivery (so a wildcard subscription gets only what its client may read),
 * retained message sent on subscribe and will; the gateway's own sessions (bridge outboxes) are
 * not asked: their topic rules are their access.
 */
public interface TopicAccess {
  /** What may be done when nothing is configured: anything but publishing to the gateway's $ topics. */
  TopicAccess DEFAULT = publishingOnly(topic -> !topic.startsWith("$"));

  /** No rule at all: for in-process brokers in tests, which publish to $ topics themselves. */
  TopicAccess UNRESTRICTED = publishingOnly(topic -> true);

  /** Any subscription and delivery; publishing only to the topics {@code publishable} accepts. */
  static TopicAccess publishingOnly(Predicate<String> publishable) {
    return new TopicAccess() {
      @Override
      public boolean mayPublish(ClientIdentity client, String topic) {
        return publishable.test(topic);
      }

      @Override
      public boolean maySubscribe(ClientIdentity client, String filter) {
        return true;
      }

      @Override
      public boolean mayReceive(ClientIdentity client, String topic) {
        return true;
      }
    };
  }

  boolean mayPublish(ClientIdentity client, String topic);

  /** Whether the client may subscribe to a valid filter: every topic it matches must be readable. */
  boolean maySubscribe(ClientIdentity client, String filter);

  boolean mayReceive(ClientIdentity client, String topic);
}
