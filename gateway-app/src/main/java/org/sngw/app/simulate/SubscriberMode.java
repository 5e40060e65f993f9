package org.sngw.app.simulate;

/** Whether an MQTT subscriber counts what the gateway delivers, and with which session. */
public enum SubscriberMode {
  NONE,
  /** Clean session: the broker forgets it on disconnect. */
  CLEAN,
  /** Clean session false: the broker keeps its session and queue, where a store will matter. */
  PERSISTENT
}
