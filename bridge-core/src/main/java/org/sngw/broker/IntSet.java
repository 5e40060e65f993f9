package org.sngw.broker;

/**
 * A set of packet ids (1..65535) without boxing: open addressing, 0 marks a free slot. Small while
 * few ids are in use, so each of thousands of sessions can afford one.
 */
final class IntSet {
  private int[] slots = new int[4];
  private int size;

  int size() {
    return size;
  }

  boolean contains(int id) {
    int mask = slots.length - 1;
    for (int i = hash(id) & mask; slots[i] != 0; i = (i + 1) & mask) {
      if (slots[i] == id) {
        return true;
      }
    }
    return false;
  }

  /** Adds an id; false if it was already there. */
  boolean add(int id) {
    if (contains(id)) {
      return false;
    }
    if (2 * (size + 1) > slots.length) {
      rehash(slots.length * 2);
    }
    insert(id);
    size++;
    return true;
  }

  /** Removes an id; false if it was not there. */
  boolean remove(int id) {
    int mask = slots.length - 1;
    int i = hash(id) & mask;
    while (slots[i] != id) {
      if (slots[i] == 0) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = 0;
    size--;
    // Ids after the hole may have probed past it: put them back where lookups find them.
    for (int j = (i + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
      int moved = slots[j];
      slots[j] = 0;
      insert(moved);
    }
    return true;
  }

  private void insert(int id) {
    int mask = slots.length - 1;
    int i = hash(id) & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = id;
  }

  private void rehash(int capacity) {
    int[] old = slots;
    slots = new int[capacity];
    for (int id : old) {
      if (id != 0) {
        insert(id);
      }
    }
  }

  private static int hash(int id) {
    int h = id * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
