package org.sngw.broker;

/**
 * The byte budget of everything the store keeps that a client can make grow: outgoing messages of
 * persistent sessions and retained messages. Charged when they are kept, refunded when they go.
 */
final class StoreBudget {
  private final long max;
  // Written on the core loop only; volatile so that the metrics endpoint's thread reads it fresh.
  private volatile long used;

  StoreBudget(long max) {
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
