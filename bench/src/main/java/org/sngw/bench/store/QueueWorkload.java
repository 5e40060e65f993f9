package org.sngw.bench.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Batches of a message queue: each batch inserts B new messages and deletes the B of the batch
 * before (they have been acknowledged meanwhile), so the queue stays B deep.
 */
final class QueueWorkload {
  static final int VALUE_BYTES = 100;

  private final int batch;
  private final byte[] value = new byte[VALUE_BYTES];
  private List<String> previous = List.of();
  private long sequence;

  QueueWorkload(int batch) {
    this.batch = batch;
    new Random(42).nextBytes(value);
  }

  /** 39 characters, shaped like a session's outbound message key. */
  static String key(long sequence) {
    return String.format("session-%05d/outbound/%016d", sequence % 100, sequence);
  }

  /** Applies the next batch to {@code store}: B inserts, B deletes, one durable commit. */
  void next(QueueStore store) {
    List<String> inserts = new ArrayList<>(batch);
    for (int i = 0; i < batch; i++) {
      inserts.add(key(sequence++));
    }
    store.commit(inserts, value, previous);
    previous = inserts;
  }

  /** Inserts {@code entries} messages and deletes none, {@code batch} per commit. */
  static void fill(QueueStore store, int entries, int batch) {
    QueueWorkload workload = new QueueWorkload(batch);
    for (long first = 0; first < entries; first += batch) {
      List<String> keys = new ArrayList<>(batch);
      for (long s = first; s < Math.min(entries, first + batch); s++) {
        keys.add(key(s));
      }
      store.commit(keys, workload.value, List.of());
    }
  }
}
