package org.sngw.broker.topic;

import java.util.Arrays;
import java.util.function.BiConsumer;
import org.sngw.message.Qos;

/**
 * The subscribers one topic matched, each once with the highest QoS among its matching filters.
 * Reused from publish to publish: {@link #clear()} costs only the entries added, and nothing is
 * allocated once the arrays have grown to the largest fan-out seen. Subscribers are told apart by
 * identity.
 */
public final class MatchSet<S> implements BiConsumer<S, Qos> {
  private Object[] subscribers = new Object[8];
  private Qos[] qos = new Qos[8];
  private int size;
  // Identity hash index into the arrays above; a slot counts only if stamped with the current round.
  private int[] slots = new int[16];
  private int[] stamps = new int[16];
  private int round = 1;

  public int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  public S subscriber(int index) {
    return (S) subscribers[index];
  }

  public Qos qos(int index) {
    return qos[index];
  }

  /** Adds a subscriber matched at {@code granted}, or raises its QoS if it is already in. */
  @Override
  public void accept(S subscriber, Qos granted) {
    int mask = slots.length - 1;
    int i = System.identityHashCode(subscriber) & mask;
    for (; stamps[i] == round; i = (i + 1) & mask) {
      int index = slots[i];
      if (subscribers[index] == subscriber) {
        if (granted.compareTo(qos[index]) > 0) {
          qos[index] = granted;
        }
        return;
      }
    }
    if (size == subscribers.length) {
      subscribers = Arrays.copyOf(subscribers, size * 2);
      qos = Arrays.copyOf(qos, size * 2);
    }
    subscribers[size] = subscriber;
    qos[size] = granted;
    stamps[i] = round;
    slots[i] = size++;
    if (2 * size > slots.length) {
      growIndex();
    }
  }

  public void clear() {
    Arrays.fill(subscribers, 0, size, null);
    size = 0;
    if (++round == 0) {
      Arrays.fill(stamps, 0);
      round = 1;
    }
  }

  private void growIndex() {
    slots = new int[slots.length * 2];
    stamps = new int[slots.length];
    int mask = slots.length - 1;
    for (int index = 0; index < size; index++) {
      int i = System.identityHashCode(subscribers[index]) & mask;
      while (stamps[i] == round) {
        i = (i + 1) & mask;
      }
      stamps[i] = round;
      slots[i] = index;
    }
  }
}
