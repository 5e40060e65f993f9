package org.sngw.broker;

import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/**
 * One session's outgoing messages: QoS 1/2 deliveries in flight up to the connection's window, the
 * rest in a bounded queue, kept across connections of a persistent session. Each queued or sent
 * QoS 1/2 message gets the next sequence number of the session and is written through its {@link
 * SessionLog} at every step: stored, sent, released, done. State changes before the sink is called,
 * so a sink that answers at once (an in-process bridge) is safe.
 *
 * <p>QoS 0 goes only to a connected sink, never queued, unless the session queues QoS 0 ({@link
 * SessionOptions#queueQos0()}): then it waits in the queue, numbered and stored like QoS 1/2, while
 * the session is offline or older messages are queued, so the session gets all its messages in
 * order. It is done (and forgotten) when handed to the sink: it takes no window slot and no ack.
 *
 * <p><b>A queue over its bounds.</b> While connected, a session whose queue is full takes the
 * message anyway, up to twice its bounds, and holds the publisher's answer back ({@link HeldAcks})
 * until the queue has drained to half its bounds: the publishers slow to the subscriber's pace,
 * resuming in batches rather than one per acknowledgement (which measured 15 % slower). If that
 * takes longer than the hold time, the session is <em>behind</em>: its oldest messages are dropped
 * down to its bounds, the answers go, and from then on a full queue drops its oldest at once, until
 * it drains to half its bounds. An offline session, or one under a broker without a hold time,
 * drops its oldest at once. Only an outbox ({@link SessionOptions#outbox()}) refuses instead.
 *
 * <p>All queues but outboxes share the broker's {@link QueueMemory}: a message it has no room for,
 * even after the longest queue lost its oldest, is refused.
 */
final class OutboundFlow {
  private final PacketIds packetIds = new PacketIds();
  // PUBLISH sent, awaiting PUBACK or PUBREC; in the order sent.
  private final ArrayDeque<InFlight> awaitingAck = new ArrayDeque<>(4);
  // PUBREL sent, awaiting PUBCOMP; in the order the PUBRECs came.
  private final ArrayDeque<InFlight> awaitingComplete = new ArrayDeque<>(4);
  private final OutboundQueue queued;
  private final HeldAcks held;
  private final HoldTime holdTime;
  private final String clientId;
  private final SessionLog log;
  private final OverflowCounts counts;
  private final QueueMemory memory;
  private final InstantSource wall;
  // An outbox's queue has its own bounds and is kept out of the shared memory.
  private final ByteBudget outboxMemory = new ByteBudget(Long.MAX_VALUE);
  private long nextSequence = 1;
  private SessionSink sink;
  private int window = 1;
  private boolean queueQos0;
  private boolean outbox;
  private boolean behind;

  /** @param wall tells when a queued message's expiry interval (MQTT 5) has run out */
  OutboundFlow(String clientId, SessionLog log, OverflowCounts counts, int maxQueuedMessages, long maxQueuedBytes,
      HoldTime holdTime, QueueMemory memory, InstantSource wall) {
    this.clientId = clientId;
    this.wall = wall;
    this.log = log;
    this.counts = counts;
    this.holdTime = holdTime;
    this.memory = memory;
    this.held = new HeldAcks(holdTime, this::holdExpired);
    this.queued = new OutboundQueue(maxQueuedMessages, maxQueuedBytes, memory.budget(), this::dropped);
  }

  /** The session's options and queue bounds, from now on; what is queued stays. */
  void configure(SessionOptions options, int maxQueuedMessages, long maxQueuedBytes) {
    queueQos0 = options.queueQos0();
    outbox = options.outbox();
    queued.limit(maxQueuedMessages, maxQueuedBytes);
    queued.chargeTo(outbox ? outboxMemory : memory.budget());
  }

  /**
   * Sends a message already at its delivery QoS and retain flag, or queues it. Returns false when a
   * QoS 1/2 message was refused: the store budget or the queues' memory is full, or the queue of an
   * outbox is. A QoS 0 message is never refused; one that finds no room is dropped.
   *
   * @param ack the publisher's answer, held back if the queue is over its bounds; null when nobody
   *     waits (retained messages for a new subscription)
   */
  boolean offer(Message message, PendingAck ack) {
    return offer(message, ack, null);
  }

  /** The same, for a message that came through the shared subscription {@code via}. */
  boolean offer(Message message, PendingAck ack, ShareGroup via) {
    if (message.qos() == Qos.AT_MOST_ONCE) {
      offerAtMostOnce(message);
      return true;
    }
    if (!log.fits(message)) {
      return false;
    }
    long sequence = nextSequence;
    boolean sendNow = sink != null && queued.isEmpty() && inFlight() < window;
    if (!sendNow) {
      switch (enqueue(new Queued(sequence, message, via), ack)) {
        case QUEUED -> { }
        case TOO_BIG -> {
          countDropped();
          return true;
        }
        case REFUSED -> {
          return false;
        }
      }
    }
    nextSequence++;
    log.outbound(sequence, message);
    if (sendNow) {
      send(sequence, message, via);
    }
    return true;
  }

  /** Whether {@link #offer} would take the message now; changes nothing. */
  boolean wouldTake(Message message) {
    if (message.qos() == Qos.AT_MOST_ONCE) {
      return true;
    }
    boolean sendNow = sink != null && queued.isEmpty() && inFlight() < window;
    return log.fits(message) && (sendNow || !outbox || queued.wouldTake(message));
  }

  /**
   * Takes back a message read from the store, in sequence order: one that went out keeps its packet
   * id (and is resent, or released, on attach); one still queued stays queued. Later messages are
   * numbered after it.
   */
  void restore(RestoredState.Outbound stored) {
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

  /** No connection holds the session: it keeps what fits in its bounds and holds nobody back. */
  void detach() {
    sink = null;
    behind = false;
    if (!outbox) {
      queued.dropOldest(null, 1);
    }
    held.releaseAll();
  }

  /** The session is over: nobody waits for it any more. */
  void end() {
    held.releaseAll();
  }

  /**
   * What came through shared subscriptions and is not yet delivered: queued, or sent and not
   * acknowledged (a QoS 2 message whose PUBREC came is delivered). For another member to have when
   * this session ends.
   */
  List<Queued> undeliveredShared() {
    List<Queued> undelivered = new ArrayList<>();
    for (InFlight pending : awaitingAck) {
      if (pending.via() != null) {
        undelivered.add(new Queued(pending.sequence(), pending.message(), pending.via()));
      }
    }
    queued.forEach(entry -> {
      if (entry.via() != null) {
        undelivered.add(entry);
      }
    });
    return undelivered;
  }

  /** Bytes queued (not in flight), as the bounds count them. */
  long queuedBytes() {
    return queued.bytes();
  }

  /** The memory is full and this is the longest queue: it loses its oldest, at least {@code bytes}. */
  void evict(long bytes) {
    queued.dropOldestBytes(bytes);
    relieve();
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

  /** Messages not yet acknowledged: queued and in flight. */
  int backlog() {
    return queued.size() + inFlight();
  }

  private void offerAtMostOnce(Message message) {
    if (sink != null && (!queueQos0 || queued.isEmpty())) {
      sink.deliver(new Delivery(0, false, message));
    } else if (queueQos0) {
      long sequence = nextSequence;
      if (log.fits(message) && enqueue(new Queued(sequence, message), null) == Queueing.QUEUED) {
        nextSequence++;
        log.outbound(sequence, message);
      } else {
        countDropped();
      }
    }
  }

  /** Queues behind the window, making room as the class comment says. */
  private Queueing enqueue(Queued entry, PendingAck ack) {
    if (outbox) {
      return queued.offer(entry) ? Queueing.QUEUED : Queueing.REFUSED;
    }
    if (!queued.fitsAlone(entry.message())) {
      return Queueing.TOO_BIG;
    }
    boolean hold = false;
    if (!queued.fits(entry.message())) {
      hold = ack != null && sink != null && !behind && holdTime.holds();
      queued.dropOldest(entry.message(), hold ? 2 : 1);
    }
    if (!memory.makeRoom(Footprint.of(entry.message()))) {
      return Queueing.REFUSED;
    }
    if (hold) {
      held.hold(ack);
    }
    queued.add(entry);
    return Queueing.QUEUED;
  }

  private enum Queueing {
    QUEUED,
    /** Over the session's byte bound on its own: dropped for this session. */
    TOO_BIG,
    /** The outbox, or the memory all queues share, is full: the publisher is refused. */
    REFUSED
  }

  /** The queue stayed over its bounds for the whole hold time: the session is behind. */
  private void holdExpired() {
    behind = true;
    counts.behind(clientId, holdTime.limit());
    queued.dropOldest(null, 1);
    held.releaseAll();
  }

  /** After the queue shrank: at half its bounds, the held answers go and a session behind is not. */
  private void relieve() {
    if (queued.isAtMostHalfFull()) {
      held.releaseAll();
      behind = false;
    }
  }

  /** Sends from the head of the queue: QoS 0 always, QoS 1/2 while the window has room. */
  private void drain() {
    for (Queued next; sink != null && (next = queued.peek()) != null; ) {
      if (expired(next.message())) {
        queued.poll();
        log.done(next.sequence(), next.message());
        counts.countExpired();
      } else if (next.message().qos() == Qos.AT_MOST_ONCE) {
        queued.poll();
        log.done(next.sequence(), next.message());
        sink.deliver(new Delivery(0, false, next.message()));
      } else if (inFlight() < window) {
        queued.poll();
        send(next.sequence(), next.message(), next.via());
      } else {
        break;
      }
    }
    relieve();
  }

  /** Whether its MQTT 5 expiry interval has run out; the clock is read only for a message that has one. */
  private boolean expired(Message message) {
    return message.properties().expiresAt().isPresent() && message.properties().expiredAt(wall.instant());
  }

  /** The queue dropped a message to make room: counted, and the store forgets it too. */
  private void dropped(Queued entry) {
    log.done(entry.sequence(), entry.message());
    countDropped();
  }

  private void countDropped() {
    counts.dropped(clientId);
  }

  private void send(long sequence, Message message, ShareGroup via) {
    int packetId = packetIds.allocate();
    awaitingAck.addLast(new InFlight(packetId, sequence, message, via));
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
