package org.sngw.store;

import org.sngw.broker.BrokerStore;
import org.sngw.sn.gateway.TopicIdStore;

/**
 * The gateway's store: the ports the broker and the MQTT-SN gateway write through, kept together
 * so that one {@link #afterDurable} waits for the changes of both, in the order they were written.
 */
public interface StateStore extends BrokerStore, TopicIdStore {
  /**
   * What was stored before this start. Called once, by whoever wires the gateway, before anything
   * else; the broker and the MQTT-SN gateway each restore their part of it.
   */
  StoredState load();
}
