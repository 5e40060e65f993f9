package org.sngw.broker;

import java.util.function.Consumer;

/**
 * One publish's answer to its publisher. It is due once every change the publish made is durable
 * and no subscriber behind its bounds holds it back ({@link HeldAcks}); its {@link PublisherAcks}
 * then gives it, in the order the publisher published.
 */
final class PendingAck {
  private final PublisherAcks publisher;
  private final Consumer<PublishOutcome> done;
  private PublishOutcome outcome;
  private int holds;
  private boolean durable;

  PendingAck(PublisherAcks publisher, Consumer<PublishOutcome> done) {
    this.publisher = publisher;
    this.done = done;
  }

  /** Routing is over: this is what the publisher will be told. */
  void decided(PublishOutcome decided) {
    outcome = decided;
  }

  /** A subscriber over its bounds holds the answer back until it {@link #release}s it. */
  void hold() {
    holds++;
  }

  void release() {
    holds--;
    publisher.flush();
  }

  /** Every change the publish made is durable. */
  void durable() {
    durable = true;
    publisher.flush();
  }

  boolean isDue() {
    return durable && holds == 0;
  }

  void answer() {
    done.accept(outcome);
  }
}
