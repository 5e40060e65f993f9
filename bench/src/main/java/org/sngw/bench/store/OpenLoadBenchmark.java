package org.sngw.bench.store;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A restart: open a store holding 100,000 queued messages and read them all. The file was just
 * written, so it is in the page cache: this is the engine's own cost, not the SD card's.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class OpenLoadBenchmark {
  static final int ENTRIES = 100_000;
  private static final int FILL_BATCH = 1_000;

  @Param({"MVSTORE", "MVSTORE_R0", "SQLITE"})
  public Engine engine;

  private Path dir;

  @Setup(Level.Trial)
  public void fill() {
    dir = StoreFiles.newDirectory("sngw-store-open-");
    try (QueueStore store = engine.open(dir)) {
      QueueWorkload.fill(store, ENTRIES, FILL_BATCH);
    }
  }

  @TearDown(Level.Trial)
  public void delete() {
    StoreFiles.delete(dir);
  }

  @Benchmark
  public int openAndLoad() {
    try (QueueStore store = engine.open(dir)) {
      int count = store.loadAll();
      if (count != ENTRIES) {
        throw new IllegalStateException("loaded " + count + " of " + ENTRIES);
      }
      return count;
    }
  }
}
