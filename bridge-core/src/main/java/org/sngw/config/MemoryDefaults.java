package org.sngw.config;

import org.sngw.broker.BrokerConfig;

/**
 * The defaults of the bounds on what the gateway keeps in memory, as shares of the JVM's heap, so
 * that with a bounded heap (the shipped one is 128 MiB) no full queue, store or outbox can exhaust
 * it: the queues a quarter, retained plus persistent sessions' messages a quarter, each bridge's
 * outbox an eighth, and the rest for sessions and the work in flight. A large heap gets the fixed
 * caps. An operator's explicit setting wins over these.
 *
 * @param queuedTotalBytes all sessions' queues together ({@code broker.max-queued-total-bytes})
 * @param storeBytes retained messages and persistent sessions' queues ({@code broker.max-store-bytes})
 * @param outboxBytes one bridge's store-and-forward outbox ({@code outbox.max-bytes})
 */
public record MemoryDefaults(long queuedTotalBytes, long storeBytes, long outboxBytes) {
  static final long MAX_OUTBOX_BYTES = 64L << 20;

  /** The defaults for a heap of {@code maxHeapBytes}. */
  static MemoryDefaults forHeap(long maxHeapBytes) {
    return new MemoryDefaults(
        Math.min(BrokerConfig.DEFAULT_MAX_QUEUED_TOTAL_BYTES, maxHeapBytes / 4),
        Math.min(BrokerConfig.DEFAULT_MAX_STORE_BYTES, maxHeapBytes / 4),
        Math.min(MAX_OUTBOX_BYTES, maxHeapBytes / 8));
  }

  /** The defaults for the heap this JVM may grow to. */
  public static MemoryDefaults ofThisJvm() {
    return forHeap(Runtime.getRuntime().maxMemory());
  }
}
