package org.sngw.store.mvstore;

import org.sngw.broker.BrokerChange;
import org.sngw.sn.gateway.TopicIdChange;

/** One saved or deleted item, made on the core loop and applied to the maps on the store thread. */
@FunctionalInterface
interface Change {
  void applyTo(StateMaps maps);

  /**
   * The broker's change as the maps take it. Values are read here, on the core loop: an offline
   * time beyond milliseconds throws {@link ArithmeticException} to the caller, not on the store thread.
   */
  static Change of(BrokerChange change) {
    if (change instanceof BrokerChange.SessionSaved c) {
      return maps -> maps.putSession(c.clientId());
    } else if (change instanceof BrokerChange.OwnerSaved c) {
      return maps -> maps.putOwner(c.owner());
    } else if (change instanceof BrokerChange.SessionDeleted c) {
      return maps -> maps.removeSession(c.clientId());
    } else if (change instanceof BrokerChange.OfflineSinceSaved c) {
      long epochMillis = c.since().toEpochMilli();
      return maps -> maps.putOfflineSince(c.clientId(), epochMillis);
    } else if (change instanceof BrokerChange.OfflineSinceDeleted c) {
      return maps -> maps.removeOfflineSince(c.clientId());
    } else if (change instanceof BrokerChange.SubscriptionSaved c) {
      return maps -> maps.putSubscription(c.clientId(), c.filter(), c.qos(), c.options());
    } else if (change instanceof BrokerChange.SubscriptionDeleted c) {
      return maps -> maps.removeSubscription(c.clientId(), c.filter());
    } else if (change instanceof BrokerChange.OutboundSaved c) {
      return maps -> maps.putOutbound(c.clientId(), c.sequence(), c.message());
    } else if (change instanceof BrokerChange.Sent c) {
      return maps -> maps.markSent(c.clientId(), c.sequence(), c.packetId());
    } else if (change instanceof BrokerChange.Released c) {
      return maps -> maps.markReleased(c.clientId(), c.sequence());
    } else if (change instanceof BrokerChange.OutboundDeleted c) {
      return maps -> maps.removeOutbound(c.clientId(), c.sequence());
    } else if (change instanceof BrokerChange.InboundIdSaved c) {
      return maps -> maps.putInbound(c.clientId(), c.packetId());
    } else if (change instanceof BrokerChange.InboundIdDeleted c) {
      return maps -> maps.removeInbound(c.clientId(), c.packetId());
    } else if (change instanceof BrokerChange.RetainedSaved c) {
      return maps -> maps.putRetained(c.message());
    } else if (change instanceof BrokerChange.RetainedDeleted c) {
      return maps -> maps.removeRetained(c.topic());
    } else if (change instanceof BrokerChange.WillSaved c) {
      return maps -> maps.putWill(c.clientId(), c.will(), c.keepAlive());
    } else if (change instanceof BrokerChange.WillDeleted c) {
      return maps -> maps.removeWill(c.clientId());
    }
    throw new IllegalArgumentException("unknown broker change: " + change);
  }

  static Change of(TopicIdChange change) {
    if (change instanceof TopicIdChange.Saved c) {
      return maps -> maps.putTopicId(c.clientId(), c.topicId(), c.topicName());
    } else if (change instanceof TopicIdChange.Deleted c) {
      return maps -> maps.removeTopicId(c.clientId(), c.topicId());
    } else if (change instanceof TopicIdChange.AllDeleted c) {
      return maps -> maps.removeTopicIds(c.clientId());
    }
    throw new IllegalArgumentException("unknown topic id change: " + change);
  }
}
