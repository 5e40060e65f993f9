package org.sngw.broker;

import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.store.StateStore;

/**
 * The write-through of a persistent session: every change goes to the store, and the session's
 * outgoing messages are charged to the store's byte budget until they are done or the session ends.
 */
final class StoredSessionLog implements SessionLog {
  private final String clientId;
  private final StateStore store;
  private final ByteBudget budget;
  // What this session has charged to the budget, refunded at once when it ends.
  private long storedBytes;

  StoredSessionLog(String clientId, StateStore store, ByteBudget budget) {
    this.clientId = clientId;
    this.store = store;
    this.budget = budget;
  }

  @Override
  public boolean fits(Message message) {
    return budget.fits(Footprint.of(message));
  }

  @Override
  public void outbound(long sequence, Message message) {
    charge(message);
    store.saveOutbound(clientId, sequence, message);
  }

  @Override
  public void sent(long sequence, int packetId) {
    store.saveSent(clientId, sequence, packetId);
  }

  @Override
  public void released(long sequence) {
    store.saveReleased(clientId, sequence);
  }

  @Override
  public void done(long sequence, Message message) {
    long size = Footprint.of(message);
    storedBytes -= size;
    budget.refund(size);
    store.deleteOutbound(clientId, sequence);
  }

  @Override
  public void restored(Message message) {
    charge(message);
  }

  @Override
  public void subscribed(String filter, Qos qos) {
    store.saveSubscription(clientId, filter, qos);
  }

  @Override
  public void unsubscribed(String filter) {
    store.deleteSubscription(clientId, filter);
  }

  @Override
  public void inboundRemembered(int packetId) {
    store.saveInboundId(clientId, packetId);
  }

  @Override
  public void inboundForgotten(int packetId) {
    store.deleteInboundId(clientId, packetId);
  }

  @Override
  public void ended() {
    budget.refund(storedBytes);
    storedBytes = 0;
    store.deleteSession(clientId);
  }

  private void charge(Message message) {
    long size = Footprint.of(message);
    storedBytes += size;
    budget.charge(size);
  }
}
