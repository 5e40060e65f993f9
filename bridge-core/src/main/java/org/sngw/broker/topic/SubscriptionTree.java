package org.sngw.broker.topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import org.sngw.message.Qos;

/**
 * Topic filters by level, each node holding the subscribers of the filter that ends there. Matching
 * a topic walks only the branches its levels lead to (the exact level, {@code +}, {@code #}) and
 * copies no substring. Subscribers are told apart by identity. Single-threaded: the core loop owns
 * it.
 */
public final class SubscriptionTree<S> {
  private final Node<S> root = new Node<>(null, "");
  // Work stack of the matching walk: nodes and where their level starts in the topic.
  private final ArrayList<Node<S>> pendingNodes = new ArrayList<>();
  private int[] pendingStarts = new int[16];
  private int size;

  /** Adds or replaces a subscriber's QoS for a valid filter; returns the QoS it replaced, or null. */
  public Qos subscribe(String filter, S subscriber, Qos qos) {
    Node<S> node = root;
    for (int start = 0; ; ) {
      int end = Topics.levelEnd(filter, start);
      node = node.childOrCreate(filter.substring(start, end));
      if (end == filter.length()) {
        break;
      }
      start = end + 1;
    }
    if (node.subscribers == null) {
      node.subscribers = new IdentityHashMap<>(4);
    }
    Qos replaced = node.subscribers.put(subscriber, qos);
    if (replaced == null) {
      size++;
    }
    return replaced;
  }

  /** Subscriptions held: one per subscriber and filter. */
  public int size() {
    return size;
  }

  /** Removes a subscriber from a filter; returns whether it was there. Prunes emptied branches. */
  public boolean unsubscribe(String filter, S subscriber) {
    Node<S> node = find(filter);
    if (node == null || node.subscribers == null || node.subscribers.remove(subscriber) == null) {
      return false;
    }
    size--;
    if (node.subscribers.isEmpty()) {
      node.subscribers = null;
    }
    for (; node != root && node.isEmpty(); node = node.parent) {
      node.parent.removeChild(node);
    }
    return true;
  }

  /** Adds every subscriber whose filters match a valid topic name to {@code out}. */
  public void match(String topic, MatchSet<S> out) {
    boolean dollarTopic = topic.charAt(0) == '$';
    push(root, 0);
    while (!pendingNodes.isEmpty()) {
      int last = pendingNodes.size() - 1;
      Node<S> node = pendingNodes.remove(last);
      int start = pendingStarts[last];
      // A topic starting with '$' is not matched by a first level '+' or '#'.
      boolean wildcards = !(dollarTopic && node == root);
      if (wildcards && node.multiLevel != null) {
        node.multiLevel.addSubscribers(out);
      }
      int end = Topics.levelEnd(topic, start);
      if (wildcards && node.singleLevel != null) {
        visit(node.singleLevel, topic, end, out);
      }
      Node<S> exact = node.children == null ? null : node.children.get(topic, start, end);
      if (exact != null) {
        visit(exact, topic, end, out);
      }
    }
  }

  private void visit(Node<S> node, String topic, int levelEnd, MatchSet<S> out) {
    if (levelEnd < topic.length()) {
      push(node, levelEnd + 1);
      return;
    }
    node.addSubscribers(out);
    // "a/#" also matches "a".
    if (node.multiLevel != null) {
      node.multiLevel.addSubscribers(out);
    }
  }

  private void push(Node<S> node, int levelStart) {
    int index = pendingNodes.size();
    if (index == pendingStarts.length) {
      pendingStarts = Arrays.copyOf(pendingStarts, index * 2);
    }
    pendingStarts[index] = levelStart;
    pendingNodes.add(node);
  }

  private Node<S> find(String filter) {
    Node<S> node = root;
    for (int start = 0; node != null; ) {
      int end = Topics.levelEnd(filter, start);
      node = node.child(filter, start, end);
      if (end == filter.length()) {
        return node;
      }
      start = end + 1;
    }
    return null;
  }

  private static final class Node<S> {
    final Node<S> parent;
    final String level;
    LevelMap<Node<S>> children;
    Node<S> singleLevel;
    Node<S> multiLevel;
    IdentityHashMap<S, Qos> subscribers;

    Node(Node<S> parent, String level) {
      this.parent = parent;
      this.level = level;
    }

    Node<S> child(String filter, int start, int end) {
      if (end - start == 1 && filter.charAt(start) == '+') {
        return singleLevel;
      }
      if (end - start == 1 && filter.charAt(start) == '#') {
        return multiLevel;
      }
      return children == null ? null : children.get(filter, start, end);
    }

    Node<S> childOrCreate(String childLevel) {
      Node<S> child = child(childLevel, 0, childLevel.length());
      if (child != null) {
        return child;
      }
      child = new Node<>(this, childLevel);
      switch (childLevel) {
        case "+" -> singleLevel = child;
        case "#" -> multiLevel = child;
        default -> {
          if (children == null) {
            children = new LevelMap<>();
          }
          children.add(childLevel, child);
        }
      }
      return child;
    }

    void removeChild(Node<S> child) {
      switch (child.level) {
        case "+" -> singleLevel = null;
        case "#" -> multiLevel = null;
        default -> {
          children.remove(child.level);
          if (children.isEmpty()) {
            children = null;
          }
        }
      }
    }

    boolean isEmpty() {
      return subscribers == null && children == null && singleLevel == null && multiLevel == null;
    }

    void addSubscribers(MatchSet<S> out) {
      if (subscribers != null) {
        subscribers.forEach(out);
      }
    }
  }
}
