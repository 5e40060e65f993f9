package org.sngw.broker;

import java.util.function.LongPredicate;

/**
 * The memory all sessions' queues share ({@link org.sngw.broker.BrokerConfig#maxQueuedTotalBytes()}),
 * and how room is made in it when it is full: the broker takes it from the longest queue, which
 * loses its oldest messages. A bridge's outbox has bounds of its own and is charged here not at all.
 */
final class QueueMemory {
  private final ByteBudget budget;
  private final LongPredicate reclaim;

  /** @param reclaim frees at least the bytes asked for if it can; true when it freed any */
  QueueMemory(long maxBytes, LongPredicate reclaim) {
    this.budget = new ByteBudget(maxBytes);
    this.reclaim = reclaim;
  }

  ByteBudget budget() {
    return budget;
  }

  /** Whether {@code bytes} more fit, after taking room from the longest queues if they did not. */
  boolean makeRoom(long bytes) {
    while (!budget.fits(bytes)) {
      if (!reclaim.test(bytes)) {
        return false;
      }
    }
    return true;
  }
}
