package org.sngw.bench.store;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Group commit: each operation is one batch of B queue messages (B inserts, B deletes of the
 * previous batch) made durable with one sync. The score is batches, that is syncs, per second;
 * the {@code messages} counter is B times that.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class GroupCommitBenchmark {
  @Param({"MVSTORE", "MVSTORE_R0", "SQLITE"})
  public Engine engine;

  @Param({"1", "10", "100", "1000"})
  public int batch;

  private Path dir;
  private QueueStore store;
  private QueueWorkload workload;

  /** Messages made durable per second, reported beside the syncs. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Messages {
    public long messages;
  }

  @Setup(Level.Trial)
  public void open() {
    dir = StoreFiles.newDirectory("sngw-store-bench-");
    store = engine.open(dir);
    workload = new QueueWorkload(batch);
  }

  @TearDown(Level.Trial)
  public void close() {
    store.close();
    StoreFiles.delete(dir);
  }

  @Benchmark
  public void commitBatch(Messages counter) {
    workload.next(store);
    counter.messages += batch;
  }
}
