package org.sngw.sn.gateway;

/**
 * Where the MQTT-SN gateway keeps the topic ids of persistent sensors, so that they survive a
 * restart. Called on the core loop only and returns at once; the change is made durable later, in
 * order with everything else the store keeps.
 */
@FunctionalInterface
public interface TopicIdStore {
  void write(TopicIdChange change);
}
