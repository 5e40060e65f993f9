package org.sngw.store;

import org.sngw.broker.BrokerChange;
import org.sngw.sn.gateway.TopicIdChange;

/** No persistence: nothing survives a restart, and everything is "durable" at once. */
public final class InMemoryStore implements StateStore {
  @Override
  public StoredState load() {
    return StoredState.empty();
  }

  @Override
  public void write(BrokerChange change) {}

  @Override
  public void write(TopicIdChange change) {}

  @Override
  public void afterDurable(Runnable action) {
    action.run();
  }
}
