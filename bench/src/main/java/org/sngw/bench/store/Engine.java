package org.sngw.bench.store;

import java.nio.file.Path;

/** The embedded stores compared, each opened on one file in a directory of its own. */
public enum Engine {
  /** MVStore with its defaults but for commits, which we make: retention time 45 s. */
  MVSTORE {
    @Override
    QueueStore open(Path dir) {
      return new MvQueueStore(dir.resolve("queue.mv.db"), -1);
    }
  },
  /** MVStore reusing freed space at once (retention time 0), so the file stays small. */
  MVSTORE_R0 {
    @Override
    QueueStore open(Path dir) {
      return new MvQueueStore(dir.resolve("queue.mv.db"), 0);
    }
  },
  SQLITE {
    @Override
    QueueStore open(Path dir) {
      return new SqliteQueueStore(dir.resolve("queue.sqlite"));
    }
  };

  abstract QueueStore open(Path dir);
}
