package org.sngw.broker;

/** What the bounds turned away, for metrics: shared by all sessions of one broker. */
final class OverflowCounts {
  private long dropped;
  private long refused;
  private long refusedRetained;

  /** A queued QoS 0 message made room for a newer message. */
  void countDropped() {
    dropped++;
  }

  /** A QoS 1/2 message was refused for one session: its queue or the store budget is full. */
  void countRefused() {
    refused++;
  }

  /** A retained message was not kept: the store budget is full. */
  void countRefusedRetained() {
    refusedRetained++;
  }

  long dropped() {
    return dropped;
  }

  long refused() {
    return refused;
  }

  long refusedRetained() {
    return refusedRetained;
  }
}
