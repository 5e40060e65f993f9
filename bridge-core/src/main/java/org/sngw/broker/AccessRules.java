package org.sngw.broker;

import java.util.function.Predicate;

/**
 * What a client may do: which topics it may publish to, subscribe to and receive, and whose
 * session it may take over. Asked on the core loop for every publish, subscribe, delivery (so a
 * wildcard subscription gets only what its client may read), retained message sent on subscribe,
 * will and connect to an id that has a session; the gateway's own sessions (bridge outboxes) are
 * not asked: their topic rules are their access.
 */
public interface AccessRules {
  /** What may be done when nothing is configured: anything but publishing to the gateway's $ topics. */
  AccessRules DEFAULT = publishingOnly(topic -> !topic.startsWith("$"));

  /** No rule at all: for in-process brokers in tests, which publish to $ topics themselves. */
  AccessRules UNRESTRICTED = publishingOnly(topic -> true);

  /** Any subscription and delivery; publishing only to the topics {@code publishable} accepts. */
  static AccessRules publishingOnly(Predicate<String> publishable) {
    return new AccessRules() {
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

  /** What both allow: a client is held to each; a take-over needs both too. */
  static AccessRules allOf(AccessRules first, AccessRules second) {
    return new AccessRules() {
      @Override
      public boolean mayPublish(ClientIdentity client, String topic) {
        return first.mayPublish(client, topic) && second.mayPublish(client, topic);
      }

      @Override
      public boolean maySubscribe(ClientIdentity client, String filter) {
        return first.maySubscribe(client, filter) && second.maySubscribe(client, filter);
      }

      @Override
      public boolean mayReceive(ClientIdentity client, String topic) {
        return first.mayReceive(client, topic) && second.mayReceive(client, topic);
      }

      @Override
      public boolean mayTakeOver(ClientIdentity connecting, ClientIdentity holder) {
        return first.mayTakeOver(connecting, holder) && second.mayTakeOver(connecting, holder);
      }
    };
  }

  boolean mayPublish(ClientIdentity client, String topic);

  /** Whether the client may subscribe to a valid filter: every topic it matches must be readable. */
  boolean maySubscribe(ClientIdentity client, String filter);

  boolean mayReceive(ClientIdentity client, String topic);

  /** Whether {@code connecting} may take a session last held by {@code holder}; by default only its like may. */
  default boolean mayTakeOver(ClientIdentity connecting, ClientIdentity holder) {
    return connecting.mayTakeOver(holder);
  }
}
