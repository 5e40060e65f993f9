package org.sngw.bridge;

import java.util.List;
import java.util.Optional;
import org.sngw.broker.topic.Topics;
import org.sngw.config.TopicRule;
import org.sngw.message.Qos;

/**
 * Carries topic names across a bridge: the first rule of the right direction whose filter matches
 * decides, its prefixes are swapped, and its QoS caps the message's.
 */
final class TopicMapper {
  /** Where a message goes and at which QoS at most. */
  record Mapped(String topic, Qos maxQos) {}

  private final List<TopicRule> rules;

  TopicMapper(List<TopicRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The upstream topic for a local one, if an out rule covers it. */
  Optional<Mapped> toRemote(String localTopic) {
    for (TopicRule rule : rules) {
      if (rule.direction().out() && Topics.matches(rule.localFilter(), localTopic)) {
        return Optional.of(new Mapped(rule.remotePrefix() + localTopic.substring(rule.localPrefix().length()), rule.qos()));
      }
    }
    return Optional.empty();
  }

  /** The local topic for an upstream one, if an in rule covers it. */
  Optional<Mapped> toLocal(String remoteTopic) {
    for (TopicRule rule : rules) {
      if (rule.direction().in() && Topics.matches(rule.remoteFilter(), remoteTopic)) {
        return Optional.of(new Mapped(rule.localPrefix() + remoteTopic.substring(rule.remotePrefix().length()), rule.qos()));
      }
    }
    return Optional.empty();
  }
}
