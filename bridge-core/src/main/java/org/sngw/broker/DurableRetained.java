package org.sngw.broker;

import java.util.List;
import org.sngw.broker.topic.RetainedMessages;
import org.sngw.message.Message;

/**
 * Retained messages written through to the store and charged to its byte budget. A new retained
 * message that would overrun the budget is refused and the topic keeps its previous one; deleting
 * (an empty payload) is always allowed. {@code $SYS} topics are charged but kept in memory only, as
 * Mosquitto does: the gateway publishes them again after a start, and writing them every interval
 * would wear an SD card for nothing.
 */
final class DurableRetained {
  private static final String SYS_PREFIX = "$SYS/";

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
        if (durable(message)) {
          store.write(new BrokerChange.RetainedDeleted(message.topic()));
        }
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
    if (durable(message)) {
      store.write(new BrokerChange.RetainedSaved(message));
    }
    return true;
  }

  /**
   * Takes back a retained message read from the store, without writing it again; a {@code $SYS}
   * one that an earlier version stored is deleted instead.
   */
  void restore(Message message) {
    if (!durable(message)) {
      store.write(new BrokerChange.RetainedDeleted(message.topic()));
      return;
    }
    messages.store(message);
    budget.charge(Footprint.of(message));
  }

  private static boolean durable(Message message) {
    return !message.topic().startsWith(SYS_PREFIX);
  }

  int count() {
    return messages.size();
  }

  List<Message> matching(String filter) {
    return messages.matching(filter);
  }
}
