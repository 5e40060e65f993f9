package org.sngw.broker;

/**
 * A byte budget that clients can make grow into, charged when something is kept and refunded when
 * it goes. The broker has two: what the store keeps (outgoing messages of persistent sessions and
 * retained messages) and what all sessions' queues hold in memory.
 */
final class ByteBudget {
  private final long max;
  // Written on the core loop only; volatile so that the metrics endpoint's thread reads it fresh.
  private volatile long used;

  ByteBudget(long max) {
    this.max = max;
  }

  /** Whether {@code bytes} more (negative for a replacement that shrinks) stays within the budget. */
  boolean fits(long bytes) {
    return used + bytes <= max;
  }

  void charge(long bytes) {
    used += bytes;
  }

  void refund(long bytes) {
    used -= bytes;
  }

  long used() {
    return used;
  }
}
