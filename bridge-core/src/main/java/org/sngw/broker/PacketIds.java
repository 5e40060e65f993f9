package org.sngw.broker;

/**
 * Packet ids 1..65535 for one session's outgoing QoS 1/2 deliveries: handed out in turn, skipping
 * ids still in use, and taken back when their flow completes.
 */
final class PacketIds {
  static final int MAX = 0xFFFF;

  private final IntSet inUse = new IntSet();
  private int next = 1;

  /** The next free id; the caller keeps fewer than 65535 in use (its window is at most that). */
  int allocate() {
    while (inUse.contains(next)) {
      next = next == MAX ? 1 : next + 1;
    }
    int id = next;
    inUse.add(id);
    next = next == MAX ? 1 : next + 1;
    return id;
  }

  /** Marks an id in use that was handed out before a restart, so {@link #allocate} skips it. */
  void reserve(int id) {
    inUse.add(id);
  }

  void release(int id) {
    inUse.remove(id);
  }

  int inUse() {
    return inUse.size();
  }
}
