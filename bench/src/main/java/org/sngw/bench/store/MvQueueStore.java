package org.sngw.bench.store;

import java.nio.file.Path;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * H2 MVStore with commits under our control. In 2.4.240 {@code commit()} only writes the new
 * chunk (FileChannel.write, no force); {@code sync()} is what calls FileChannel.force(true), so
 * durability needs both. Old chunks are kept for the retention time (45 s by default) before their
 * space is reused, which sets how large the file grows under a steady queue.
 */
final class MvQueueStore implements QueueStore {
  private final MVStore store;
  private final MVMap<String, byte[]> map;

  /** {@code retentionMillis} negative keeps MVStore's default. */
  MvQueueStore(Path file, int retentionMillis) {
    store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    if (retentionMillis >= 0) {
      // Safe here only because every commit is followed by sync(): no chunk is reused before it is on disk.
      store.setRetentionTime(retentionMillis);
    }
    map = store.openMap("queue");
  }

  @Override
  public void commit(List<String> insertKeys, byte[] value, List<String> deleteKeys) {
    for (String key : insertKeys) {
      map.put(key, value);
    }
    for (String key : deleteKeys) {
      map.remove(key);
    }
    store.commit();
    store.sync();
  }

  @Override
  public int loadAll() {
    int count = 0;
    for (var entry : map.entrySet()) {
      count += entry.getValue().length > 0 ? 1 : 0;
    }
    return count;
  }

  @Override
  public void close() {
    store.close();
  }
}
