package org.sngw.broker;

import java.util.ArrayDeque;
import java.util.Iterator;
import org.sngw.store.StoredState;

/**
 * One session's outgoing messages: QoS 1/2 deliveries in flight up to the connection's window, the
 * rest in a bounded queue, kept across connections of a persistent session. Each QoS 1/2 message
 * gets the next sequence number of the session and is written through its {@link SessionLog} at
 * every step: stored, sent, released, done. State changes before the sink is called, so a sink that
 * answers at once (an in-process bridge) is safe. QoS 0 goes only to a connected sink, never queued.
 */
final class OutboundFlow {
  private final PacketIds packetIds = new PacketIds();
  // PUBLISH sent, awaiting PUBACK or PUBREC; in the order sent.
  private final ArrayDeque<InFlight> awaitingAck = new ArrayDeque<>(4);
  // PUBREL sent, awaiting PUBCOMP; in the order the PUBRECs came.
  private final ArrayDeque<InFlight> awaitingComplete = new ArrayDeque<>(4);
  private final OutboundQueue queued;
  private final SessionLog log;
  private long nextSequence = 1;
  private SessionSink sink;
  private int window = 1;

  OutboundFlow(OutboundQueue queued, SessionLog log) {
    this.queued = queued;
    this.log = log;
  }

  /**
   * Sends a message already at its delivery QoS and retain flag, or queues it. Returns false when a
   * QoS 1/2 message was refused: the queue or the store budget is full.
   */
  boolean offer(Message message) {
    if (message.qos() == Qos.AT_MOST_ONCE) {
      if (sink != null) {
        sink.deliver(new Delivery(0, false, message));
      }
      return true;
    }
    if (!log.fits(message)) {
      return false;
    }
    long sequence = nextSequence;
    boolean sendNow = sink != null && queued.isEmpty() && inFlight() < window;
    if (!sendNow && !queued.offer(new Queued(sequence, message))) {
      return false;
    }
    nextSequence++;
    log.outbound(sequence, message);
    if (sendNow) {
      send(sequence, message);
    }
    return true;
  }

  /** Whether {@link #offer} would take the message now; changes nothing. */
  boolean wouldTake(Message message) {
    if (message.qos() == Qos.AT_MOST_ONCE) {
      return true;
    }
    boolean sendNow = sink != null && queued.isEmpty() && inFlight() < window;
    return log.fits(message) && (sendNow || queued.wouldTake(message));
  }

  /**
   * Takes back a message read from the store, in sequence order: one that went out keeps its packet
   * id (and is resent, or released, on attach); one still queued stays queued. Later messages are
   * numbered after it.
   */
  void restore(StoredState.Outbound stored) {
    nextSequence = Math.max(nextSequence, stored.sequence() + 1);
    log.restored(stored.message());
    if (stored.packetId() == 0) {
      queued.restore(new Queued(stored.sequence(), stored.message()));
      return;
    }
    packetIds.reserve(stored.packetId());
    InFlight pending = new InFlight(stored.packetId(), stored.sequence(), stored.message());
    (stored.released() ? awaitingComplete : awaitingAck).addLast(pending);
  }

  /**
   * A connection takes over delivery: resends what is in flight (PUBLISH with dup, then PUBREL,
   * each in its original order), then sends from the queue as far as the new window allows.
   */
  void attach(SessionSink newSink, int newWindow) {
    sink = newSink;
    window = newWindow;
    InFlight[] publishes = awaitingAck.toArray(new InFlight[0]);
    InFlight[] releases = awaitingComplete.toArray(new InFlight[0]);
    for (InFlight pending : publishes) {
      if (sink != newSink) {
        return;
      }
      newSink.deliver(new Delivery(pending.packetId(), true, pending.message()));
    }
    for (InFlight pending : releases) {
      if (sink != newSink) {
        return;
      }
      newSink.release(pending.packetId());
    }
    drain();
  }

  void detach() {
    sink = null;
  }

  /** PUBACK: the QoS 1 delivery is done. */
  void acknowledged(int packetId) {
    finish(take(awaitingAck, packetId, Qos.AT_LEAST_ONCE));
  }

  /** PUBREC: the QoS 2 delivery arrived; answer with PUBREL, again for a repeated PUBREC. */
  void received(int packetId) {
    InFlight delivered = take(awaitingAck, packetId, Qos.EXACTLY_ONCE);
    if (delivered != null) {
      awaitingComplete.addLast(delivered);
      log.released(delivered.sequence());
    } else if (!contains(awaitingComplete, packetId)) {
      return;
    }
    sink.release(packetId);
  }

  /** PUBCOMP: the QoS 2 delivery is done. */
  void completed(int packetId) {
    finish(take(awaitingComplete, packetId, Qos.EXACTLY_ONCE));
  }

  private void finish(InFlight done) {
    if (done != null) {
      packetIds.release(done.packetId());
      log.done(done.sequence(), done.message());
      drain();
    }
  }

  private int inFlight() {
    return awaitingAck.size() + awaitingComplete.size();
  }

  private void drain() {
    while (sink != null && inFlight() < window && !queued.isEmpty()) {
      Queued next = queued.poll();
      send(next.sequence(), next.message());
    }
  }

  private void send(long sequence, Message message) {
    int packetId = packetIds.allocate();
    awaitingAck.addLast(new InFlight(packetId, sequence, message));
    log.sent(sequence, packetId);
    sink.deliver(new Delivery(packetId, false, message));
  }

  /** Removes the entry with this id if its QoS fits the acknowledgement; acks come mostly in order. */
  private static InFlight take(ArrayDeque<InFlight> pending, int packetId, Qos qos) {
    for (Iterator<InFlight> it = pending.iterator(); it.hasNext(); ) {
      InFlight candidate = it.next();
      if (candidate.packetId() == packetId) {
        if (candidate.message().qos() != qos) {
          return null;
        }
        it.remove();
        return candidate;
      }
    }
    return null;
  }

  private static boolean contains(ArrayDeque<InFlight> pending, int packetId) {
    for (InFlight candidate : pending) {
      if (candidate.packetId() == packetId) {
        return true;
      }
    }
    return false;
  }
}
