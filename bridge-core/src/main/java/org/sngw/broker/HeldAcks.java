package org.sngw.broker;

import java.util.ArrayList;
import java.util.List;
import org.sngw.time.Cancellable;

/**
 * The publishers' answers one subscriber holds back while its queue is over its bounds, and the
 * deadline after which it stops holding them ({@link OutboundFlow}). At most one per message over
 * the bounds, so as bounded as the queue.
 */
final class HeldAcks {
  private final List<PendingAck> held = new ArrayList<>();
  private Cancellable deadline;

  boolean isEmpty() {
    return held.isEmpty();
  }

  /** Whether a deadline is running: set by the first hold, cleared by {@link #releaseAll}. */
  boolean hasDeadline() {
    return deadline != null;
  }

  void startDeadline(Cancellable newDeadline) {
    deadline = newDeadline;
  }

  void hold(PendingAck ack) {
    ack.hold();
    held.add(ack);
  }

  /** Lets every held answer go and calls the deadline off. */
  void releaseAll() {
    if (deadline != null) {
      deadline.cancel();
      deadline = null;
    }
    if (held.isEmpty()) {
      return;
    }
    PendingAck[] released = held.toArray(new PendingAck[0]);
    held.clear();
    for (PendingAck ack : released) {
      ack.release();
    }
  }
}
