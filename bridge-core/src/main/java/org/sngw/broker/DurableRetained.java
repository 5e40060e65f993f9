package org.sngw.broker;

import java.util.List;
import org.sngw.broker.topic.RetainedMessages;
import org.sngw.message.Message;

/**
 * Retained messages written through to the store and charged to its byte budget. A new retained
 * message that would overrun the budget is refused and the topic keeps its previous one; deleting
 * (an empty payload) is always allowed.
 */
final class DurableRetained {
  private final RetainedMessages messages = new RetainedMessages();
  private final BrokerStore store;
  private final ByteBudget budget;
  private final OverflowCounts counts;

  DurableRetained(BrokerStore store, ByteBudget budget, OverflowCounts counts) {
    this.store = store;
    this.budget = budget;
    this.counts = counts;
  }

  /** Keeps a message with the retain flag as its topic's, or deletes with an empty payload; false if refused. */
  boolean keep(Message message) {
    Message previous = messages.get(message.topic());
    long freed = previous == null ? 0 : Footprint.of(previous);
    if (message.payload().length == 0) {
      if (previous != null) {
        messages.store(message);
        budget.refund(freed);
        store.write(new BrokerChange.RetainedDeleted(message.topic()));
      }
      return true;
    }
    long size = Footprint.of(message);
    if (!budget.fits(size - freed)) {
      counts.countRefusedRetained();
      return false;
    }
    messages.store(message);
    budget.refund(freed);
    budget.charge(size);
    store.write(new BrokerChange.RetainedSaved(message));
    return true;
  }

  /** Takes back a retained message read from the store, without writing it again. */
  void restore(Message message) {
    messages.store(message);
    budget.charge(Footprint.of(message));
  }

  List<Message> matching(String filter) {
    return messages.matching(filter);
  }
}
