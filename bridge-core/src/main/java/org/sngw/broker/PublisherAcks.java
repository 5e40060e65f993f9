package org.sngw.broker;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A publisher's answers not yet given, in the order it published: one that is due waits behind an
 * older one that is held back, as MQTT requires PUBACKs and PUBRECs in the order of the PUBLISHes.
 */
final class PublisherAcks {
  private final ArrayDeque<PendingAck> pending = new ArrayDeque<>(4);

  PendingAck add(Consumer<PublishOutcome> done) {
    PendingAck ack = new PendingAck(this, done);
    pending.addLast(ack);
    return ack;
  }

  /** Gives every answer at the head that is due. */
  void flush() {
    for (PendingAck head; (head = pending.peekFirst()) != null && head.isDue(); ) {
      pending.pollFirst();
      head.answer();
    }
  }
}
