package org.sngw.broker;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Consumer;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/**
 * One session's FIFO of messages waiting for room in its in-flight window, with bounds in messages
 * and in bytes ({@link Footprint}). Two ways to deal with a message that does not fit, chosen by its
 * {@link OutboundFlow}: {@link #offer} (an outbox) drops the oldest queued QoS 0 messages if that
 * makes room and otherwise refuses the new one, never dropping QoS 1/2; {@link #dropOldest} (any
 * other session) drops the oldest messages, whatever their QoS. What it holds is charged to the
 * broker's memory budget, which the queue's owner checks before adding.
 */
final class OutboundQueue {
  private final Consumer<Queued> onDrop;
  private ByteBudget memory;
  private final ArrayDeque<Queued> entries = new ArrayDeque<>(4);
  private int maxMessages;
  private long maxBytes;
  private long bytes;

  /** @param onDrop told of each message dropped to make room, so that its owner can count and forget it */
  OutboundQueue(int maxMessages, long maxBytes, ByteBudget memory, Consumer<Queued> onDrop) {
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
    this.memory = memory;
    this.onDrop = onDrop;
  }

  /** Charges what is queued, now and from now on, to {@code budget} instead. */
  void chargeTo(ByteBudget budget) {
    if (budget != memory) {
      memory.refund(bytes);
      budget.charge(bytes);
      memory = budget;
    }
  }

  /** New bounds for messages offered from now on; what is already queued stays. */
  void limit(int newMaxMessages, long newMaxBytes) {
    maxMessages = newMaxMessages;
    maxBytes = newMaxBytes;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  int size() {
    return entries.size();
  }

  long bytes() {
    return bytes;
  }

  /** Whether the message fits within the bounds as they stand. */
  boolean fits(Message message) {
    return entries.size() < maxMessages && bytes + Footprint.of(message) <= maxBytes;
  }

  /** Whether the message would fit an empty queue. */
  boolean fitsAlone(Message message) {
    return Footprint.of(message) <= maxBytes;
  }

  /** Whether at most half the bounds is queued. */
  boolean isAtMostHalfFull() {
    return entries.size() <= maxMessages / 2 && bytes <= maxBytes / 2;
  }

  /** Appends a message whatever the bounds: the caller has made room, or holds its publisher back. */
  void add(Queued entry) {
    add(entry, Footprint.of(entry.message()));
  }

  /**
   * Drops the oldest messages, whatever their QoS, until {@code incoming} more would leave at most
   * {@code factor} times the bounds queued; {@code incoming} may be null (nothing more comes).
   */
  void dropOldest(Message incoming, int factor) {
    long limitBytes = maxBytes * factor;
    long limitMessages = (long) maxMessages * factor;
    int more = incoming == null ? 0 : 1;
    long moreBytes = incoming == null ? 0 : Footprint.of(incoming);
    while (!entries.isEmpty() && (entries.size() + more > limitMessages || bytes + moreBytes > limitBytes)) {
      Queued oldest = poll();
      onDrop.accept(oldest);
    }
  }

  /** Drops the oldest messages, whatever their QoS, until {@code wanted} bytes are freed or none is left. */
  void dropOldestBytes(long wanted) {
    long freed = 0;
    while (freed < wanted && !entries.isEmpty()) {
      Queued oldest = poll();
      freed += Footprint.of(oldest.message());
      onDrop.accept(oldest);
    }
  }

  /** Appends a message, making room by dropping older QoS 0 messages; false when it does not fit. */
  boolean offer(Queued entry) {
    long size = Footprint.of(entry.message());
    int excessMessages = entries.size() + 1 - maxMessages;
    long excessBytes = bytes + size - maxBytes;
    if ((excessMessages > 0 || excessBytes > 0) && !dropAtMostOnce(excessMessages, excessBytes)) {
      return false;
    }
    add(entry, size);
    return true;
  }

  /** Whether {@link #offer} would take the message; changes nothing. */
  boolean wouldTake(Message message) {
    int excessMessages = entries.size() + 1 - maxMessages;
    long excessBytes = bytes + Footprint.of(message) - maxBytes;
    return (excessMessages <= 0 && excessBytes <= 0) || droppable(excessMessages, excessBytes);
  }

  /** Appends a message read back from the store: it was accepted before, so no bound applies. */
  void restore(Queued entry) {
    add(entry, Footprint.of(entry.message()));
  }

  /** The oldest message, left in place; null when empty. */
  /** Each entry, oldest first; changes nothing. */
  void forEach(Consumer<Queued> action) {
    entries.forEach(action);
  }

  Queued peek() {
    return entries.peekFirst();
  }

  /** The oldest message, removed; null when empty. */
  Queued poll() {
    Queued entry = entries.pollFirst();
    if (entry != null) {
      refund(Footprint.of(entry.message()));
    }
    return entry;
  }

  private void refund(long size) {
    bytes -= size;
    memory.refund(size);
  }

  private void add(Queued entry, long size) {
    entries.addLast(entry);
    bytes += size;
    memory.charge(size);
  }

  /** Whether dropping queued QoS 0 messages could cover the excess. */
  private boolean droppable(int excessMessages, long excessBytes) {
    int messages = 0;
    long freed = 0;
    for (Queued entry : entries) {
      if (entry.message().qos() == Qos.AT_MOST_ONCE) {
        messages++;
        freed += Footprint.of(entry.message());
      }
    }
    return messages >= excessMessages && freed >= excessBytes;
  }

  /** Drops the oldest QoS 0 messages until the excess is gone; drops none if they cannot cover it. */
  private boolean dropAtMostOnce(int excessMessages, long excessBytes) {
    int messages = 0;
    long freed = 0;
    for (Queued entry : entries) {
      if (messages >= excessMessages && freed >= excessBytes) {
        break;
      }
      if (entry.message().qos() == Qos.AT_MOST_ONCE) {
        messages++;
        freed += Footprint.of(entry.message());
      }
    }
    if (messages < excessMessages || freed < excessBytes) {
      return false;
    }
    for (Iterator<Queued> it = entries.iterator(); messages > 0; ) {
      Queued entry = it.next();
      if (entry.message().qos() == Qos.AT_MOST_ONCE) {
        it.remove();
        refund(Footprint.of(entry.message()));
        onDrop.accept(entry);
        messages--;
      }
    }
    return true;
  }
}
