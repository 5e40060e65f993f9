package org.sngw.broker;

import org.sngw.message.Message;
import org.sngw.message.Qos;

/**
 * The write-through of a persistent session: every change goes to the store, and the session's
 * outgoing messages are charged to the store's byte budget until they are done or the session ends.
 */
final class StoredSessionLog implements SessionLog {
  private final String clientId;
  private final BrokerStore store;
  private final ByteBudget budget;
  // What this session has charged to the budget, refunded at once when it ends.
  private long storedBytes;

  StoredSessionLog(String clientId, BrokerStore store, ByteBudget budget) {
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
    store.write(new BrokerChange.OutboundSaved(clientId, sequence, message));
  }

  @Override
  public void sent(long sequence, int packetId) {
    store.write(new BrokerChange.Sent(clientId, sequence, packetId));
  }

  @Override
  public void released(long sequence) {
    store.write(new BrokerChange.Released(clientId, sequence));
  }

  @Override
  public void done(long sequence, Message message) {
    long size = Footprint.of(message);
    storedBytes -= size;
    budget.refund(size);
    store.write(new BrokerChange.OutboundDeleted(clientId, sequence));
  }

  @Override
  public void restored(Message message) {
    charge(message);
  }

  @Override
  public void subscribed(String filter, Qos qos, DeliveryOptions options) {
    store.write(new BrokerChange.SubscriptionSaved(clientId, filter, qos, options));
  }

  @Override
  public void unsubscribed(String filter) {
    store.write(new BrokerChange.SubscriptionDeleted(clientId, filter));
  }

  @Override
  public void inboundRemembered(int packetId) {
    store.write(new BrokerChange.InboundIdSaved(clientId, packetId));
  }

  @Override
  public void inboundForgotten(int packetId) {
    store.write(new BrokerChange.InboundIdDeleted(clientId, packetId));
  }

  @Override
  public void ended() {
    budget.refund(storedBytes);
    storedBytes = 0;
    store.write(new BrokerChange.SessionDeleted(clientId));
  }

  private void charge(Message message) {
    long size = Footprint.of(message);
    storedBytes += size;
    budget.charge(size);
  }
}
