package org.sngw.bench.store;

import java.util.List;

/**
 * The broker's durable queue reduced to what the engines are compared on: small values under
 * string keys, inserted, deleted later, and made durable a batch at a time (group commit).
 */
interface QueueStore extends AutoCloseable {
  /** Inserts and deletes, then makes the whole batch durable with one sync before returning. */
  void commit(List<String> insertKeys, byte[] value, List<String> deleteKeys);

  /** Reads every entry back, as a restart would; returns how many there are. */
  int loadAll();

  @Override
  void close();
}
