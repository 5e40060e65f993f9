package org.sngw.broker;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * One session's outgoing messages: QoS 1/2 deliveries in flight up to the connection's window, the
 * rest in a bounded FIFO queue, kept across connections of a persistent session. State changes
 * before the sink is called, so a sink that answers at once (an in-process bridge) is safe.
 */
final class OutboundFlow {
  private final int maxQueued;
  private final PacketIds packetIds = new PacketIds();
  // PUBLISH sent, awaiting PUBACK or PUBREC; in the order sent.
  private final ArrayDeque<InFlight> awaitingAck = new ArrayDeque<>(4);
  // PUBREL sent, awaiting PUBCOMP; in the order the PUBRECs came.
  private final ArrayDeque<InFlight> awaitingComplete = new ArrayDeque<>(4);
  private final ArrayDeque<Message> queued = new ArrayDeque<>(4);
  private SessionSink sink;
  private int window = 1;

  OutboundFlow(int maxQueued) {
    this.maxQueued = maxQueued;
  }

  /**
   * Sends a message already at its delivery QoS and retain flag, or queues it: QoS 0 only goes to
   * a connected sink. Returns false when a QoS 1/2 message found the queue full and was dropped.
   */
  boolean offer(Message message) {
    if (message.qos() == Qos.AT_MOST_ONCE) {
      if (sink != null) {
        sink.deliver(new Delivery(0, false, message));
      }
      return true;
    }
    if (sink != null && queued.isEmpty() && inFlight() < window) {
      send(message);
      return true;
    }
    if (queued.size() >= maxQueued) {
      return false;
    }
    queued.addLast(message);
    return true;
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
    if (take(awaitingAck, packetId, Qos.AT_LEAST_ONCE) != null) {
      packetIds.release(packetId);
      drain();
    }
  }

  /** PUBREC: the QoS 2 delivery arrived; answer with PUBREL, again for a repeated PUBREC. */
  void received(int packetId) {
    InFlight delivered = take(awaitingAck, packetId, Qos.EXACTLY_ONCE);
    if (delivered != null) {
      awaitingComplete.addLast(delivered);
    } else if (!contains(awaitingComplete, packetId)) {
      return;
    }
    sink.release(packetId);
  }

  /** PUBCOMP: the QoS 2 delivery is done. */
  void completed(int packetId) {
    if (take(awaitingComplete, packetId, Qos.EXACTLY_ONCE) != null) {
      packetIds.release(packetId);
      drain();
    }
  }

  private int inFlight() {
    return awaitingAck.size() + awaitingComplete.size();
  }

  private void drain() {
    while (sink != null && inFlight() < window && !queued.isEmpty()) {
      send(queued.pollFirst());
    }
  }

  private void send(Message message) {
    int packetId = packetIds.allocate();
    awaitingAck.addLast(new InFlight(packetId, message));
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
