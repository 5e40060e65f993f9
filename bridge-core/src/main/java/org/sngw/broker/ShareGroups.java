package org.sngw.broker;

import java.util.HashMap;
import java.util.Map;
import org.sngw.broker.topic.MatchSet;
import org.sngw.broker.topic.SharedFilter;
import org.sngw.broker.topic.SubscriptionTree;
import org.sngw.message.Qos;

/**
 * Every shared subscription, by share name and filter, and a topic tree of their filters to match
 * published topics against. A group lives while it has members. Owned by the core loop.
 */
final class ShareGroups {
  private final Map<SharedFilter, ShareGroup> groups = new HashMap<>();
  private final SubscriptionTree<ShareGroup> tree = new SubscriptionTree<>();

  void subscribe(SharedFilter filter, Session session, Qos qos) {
    ShareGroup group = groups.computeIfAbsent(filter, created -> {
      ShareGroup fresh = new ShareGroup(created);
      tree.subscribe(created.filter(), fresh, Qos.EXACTLY_ONCE);
      return fresh;
    });
    group.add(session, qos);
  }

  void unsubscribe(SharedFilter filter, Session session) {
    ShareGroup group = groups.get(filter);
    if (group == null) {
      return;
    }
    group.remove(session);
    if (group.isEmpty()) {
      groups.remove(filter);
      tree.unsubscribe(filter.filter(), group);
    }
  }

  /** The group of a shared filter, or null when nobody is subscribed to it. */
  ShareGroup group(SharedFilter filter) {
    return groups.get(filter);
  }

  void match(String topic, MatchSet<ShareGroup> out) {
    tree.match(topic, out);
  }

  /** Memberships, one per session and shared filter, as subscriptions count; for the census. */
  int size() {
    return groups.values().stream().mapToInt(ShareGroup::size).sum();
  }
}
