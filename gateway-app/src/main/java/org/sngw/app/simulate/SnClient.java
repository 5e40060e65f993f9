package org.sngw.app.simulate;

import java.nio.channels.DatagramChannel;

/**
 * One simulated sensor: its UDP channel, where it is in the handshake, and its unacknowledged
 * QoS 1/2 messages. Owned by one {@link ClientLoop} thread.
 */
final class SnClient {
  enum State {
    CONNECTING, REGISTERING, READY,
    /** Sent DISCONNECT with a sleep duration; wakes at {@link #wakeAtNanos}. */
    ASLEEP,
    /** Sent CONNECT again after sleeping; READY at its CONNACK. */
    WAKING,
    CLOSED
  }

  final int index;
  final DatagramChannel channel;
  State state = State.CONNECTING;
  int topicId;
  /** Sequence number carried in the next payload, so the subscriber can find gaps and repeats. */
  long nextSequence;
  /** Sequence numbers of the first and last message sent while measuring; -1 before the first. */
  long firstMeasured = -1;
  long lastMeasured = -1;
  long lastHandshakeNanos;
  long wakeAtNanos;
  /** When the current wake-up's first CONNECT was sent. */
  long wakeStartNanos;
  /** Handshake packets sent again in the current state; each may still be answered. */
  int handshakeRetries;
  /** Answers still owed to retries of the previous handshake step: late, but not unexpected. */
  int repeatsOwed;

  private final int[] msgIds;
  private final long[] sentNanos;
  private int inFlight;
  private int lastMsgId;

  SnClient(int index, DatagramChannel channel, int window) {
    this.index = index;
    this.channel = channel;
    this.msgIds = new int[window];
    this.sentNanos = new long[window];
  }

  /** Moves to the next handshake step; the retries of this one may still be answered. */
  void advance(State next) {
    state = next;
    repeatsOwed += handshakeRetries;
    handshakeRetries = 0;
  }

  /** Whether a stray CONNACK or REGACK is the answer to one of this client's own retries. */
  boolean takeOwedRepeat() {
    if (repeatsOwed == 0) {
      return false;
    }
    repeatsOwed--;
    return true;
  }

  boolean hasRoom() {
    return state == State.READY && inFlight < msgIds.length;
  }

  int inFlight() {
    return inFlight;
  }

  /** A msg id not in flight; ids cycle through 1..65535 as MQTT-SN requires. */
  int nextMsgId() {
    do {
      lastMsgId = lastMsgId % 0xFFFF + 1;
    } while (slotOf(lastMsgId) >= 0);
    return lastMsgId;
  }

  void sent(int msgId, long nanos) {
    msgIds[inFlight] = msgId;
    sentNanos[inFlight] = nanos;
    inFlight++;
  }

  boolean isInFlight(int msgId) {
    return slotOf(msgId) >= 0;
  }

  /** Removes the message and returns when it was sent, or -1 when the id is not in flight. */
  long complete(int msgId) {
    int slot = slotOf(msgId);
    if (slot < 0) {
      return -1;
    }
    long sent = sentNanos[slot];
    remove(slot);
    return sent;
  }

  /** Drops messages sent before {@code deadline} and returns how many. */
  int expire(long deadline) {
    int expired = 0;
    for (int slot = inFlight - 1; slot >= 0; slot--) {
      if (sentNanos[slot] - deadline < 0) {
        remove(slot);
        expired++;
      }
    }
    return expired;
  }

  private int slotOf(int msgId) {
    for (int slot = 0; slot < inFlight; slot++) {
      if (msgIds[slot] == msgId) {
        return slot;
      }
    }
    return -1;
  }

  private void remove(int slot) {
    int last = inFlight - 1;
    msgIds[slot] = msgIds[last];
    sentNanos[slot] = sentNanos[last];
    inFlight = last;
  }
}
