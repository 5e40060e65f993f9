package org.sngw.store.mvstore;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.time.Clock;

/**
 * The store thread: applies each batch to the maps, commits, forces the file to disk, then reports
 * the batch durable. A batch that fails is kept and written again, on a freshly opened store, until
 * it succeeds; nothing after it is reported durable meanwhile.
 */
final class StoreWriter {
  private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);
  private static final Batch STOP = new Batch(List.of(), -1);
  private static final long FIRST_RETRY_MILLIS = 50;
  private static final long MAX_RETRY_MILLIS = 5_000;
  /** Compact after this long without a batch, so compaction does not delay acknowledgements. */
  private static final long IDLE_BEFORE_COMPACTION_MILLIS = 5_000;
  /** A long busy spell gets a compaction step this often, so the file cannot only grow. */
  private static final long MAX_BETWEEN_COMPACTIONS_NANOS = TimeUnit.MINUTES.toNanos(10);
  /** Bounds the delay a compaction adds to the next batch. */
  private static final int COMPACTION_MILLIS = 200;
  /** While writes keep failing, the log says so this often: a full disk is not a one-line event. */
  private static final long FAILING_REPORT_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final StoreFile file;
  private final Clock clock;
  private final BlockingQueue<Batch> batches = new LinkedBlockingQueue<>();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final AtomicLong syncs = new AtomicLong();
  private final AtomicLong changesWritten = new AtomicLong();
  private final AtomicLong failedWrites = new AtomicLong();
  private volatile boolean failing;
  private final Thread thread;
  private LongConsumer durable;
  // from start() on, only the store thread touches these
  private MVStore store;
  private StateMaps maps;
  private boolean compactionDue;
  private long lastCompaction;

  /** @param clock times compaction; read on the store thread too */
  StoreWriter(OpenedStore opened, StoreFile file, Clock clock) {
    this.file = file;
    this.clock = clock;
    this.lastCompaction = clock.nanos();
    this.store = opened.store();
    this.maps = opened.maps();
    this.thread = new Thread(this::run, "sngw-store");
    // every batch is synced before it counts, so a JVM exiting without close() loses nothing acknowledged
    thread.setDaemon(true);
  }

  /** @param durable told, on the store thread, the number of the last change now durable */
  void start(LongConsumer durable) {
    this.durable = durable;
    thread.start();
  }

  void submit(Batch batch) {
    batches.add(batch);
  }

  /** Writes what was submitted before, gives up on a batch that keeps failing, and closes the file. */
  void stop() {
    stopping.countDown();
    batches.add(STOP);
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  long syncs() {
    return syncs.get();
  }

  long changesWritten() {
    return changesWritten.get();
  }

  /** Attempts to write a batch that failed (a full disk, an unwritable file). */
  long failedWrites() {
    return failedWrites.get();
  }

  /** Whether writes are failing now, so nothing is acknowledged until one succeeds. */
  boolean failing() {
    return failing;
  }

  private void run() {
    try {
      while (true) {
        Batch batch = batches.poll(IDLE_BEFORE_COMPACTION_MILLIS, TimeUnit.MILLISECONDS);
        if (batch == STOP) {
          return;
        }
        if (batch == null) {
          compactIfDue();
          continue;
        }
        if (!writeUntilDone(batch)) {
          return;
        }
        report(batch.upTo());
        if (clock.nanos() - lastCompaction > MAX_BETWEEN_COMPACTIONS_NANOS) {
          compactIfDue();
        }
      }
    } catch (InterruptedException e) {
      LOG.error("{}: store thread interrupted; changes not yet written are lost", file);
    } finally {
      closeStore();
    }
  }

  private boolean writeUntilDone(Batch batch) throws InterruptedException {
    long retryMillis = FIRST_RETRY_MILLIS;
    long failingSince = 0;
    long lastReport = 0;
    for (int attempt = 1; ; attempt++) {
      try {
        write(batch);
        if (attempt > 1) {
          failing = false;
          LOG.warn("{}: written again after {} attempts in {} s; acknowledgements go out again", file, attempt,
              TimeUnit.NANOSECONDS.toSeconds(clock.nanos() - failingSince));
        }
        return true;
      } catch (RuntimeException e) {
        failedWrites.incrementAndGet();
        long now = clock.nanos();
        if (attempt == 1) {
          failing = true;
          failingSince = now;
          lastReport = now;
          LOG.error("{}: cannot write {} changes ({}); retrying, and acknowledging no QoS 1/2 message until it works",
              file, batch.changes().size(), e.toString());
          LOG.debug("{}: the first failed write", file, e);
        } else if (now - lastReport >= FAILING_REPORT_NANOS) {
          lastReport = now;
          LOG.error("{}: still cannot write, for {} s and {} attempts ({}); no QoS 1/2 message is acknowledged", file,
              TimeUnit.NANOSECONDS.toSeconds(now - failingSince), attempt, e.toString());
        }
        discardStore();
        if (stopping.await(retryMillis, TimeUnit.MILLISECONDS)) {
          LOG.error("{}: stopped while writing failed; {} changes are not stored", file, batch.changes().size());
          return false;
        }
        retryMillis = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
      }
    }
  }

  /** Changes are idempotent in order, so a batch half applied before a failure is simply applied again. */
  private void write(Batch batch) {
    if (store == null) {
      store = file.open();
      maps = new StateMaps(store);
    }
    for (Change change : batch.changes()) {
      change.applyTo(maps);
    }
    store.commit();
    // commit() only hands the chunk to the OS; MVStore.sync() is FileChannel.force(true)
    store.sync();
    syncs.incrementAndGet();
    changesWritten.addAndGet(batch.changes().size());
    compactionDue = true;
  }

  /**
   * MVStore's own background housekeeping is off with auto-commit, so compaction happens here, in
   * steps of at most {@link #COMPACTION_MILLIS}: {@code compactFile} rewrites chunks once their fill
   * rate is under {@code autoCompactFillRate}, moves them together and truncates the file. It syncs
   * its own moves; the commit and sync after it make rewritten pages durable too. A step that wrote
   * something may have more to do, so the next idle moment takes another; one that wrote nothing
   * ends it until the next batch.
   */
  private void compactIfDue() {
    if (!compactionDue || store == null) {
      return;
    }
    lastCompaction = clock.nanos();
    try {
      long writesBefore = store.getFileStore().getWriteCount();
      store.compactFile(COMPACTION_MILLIS);
      store.commit();
      compactionDue = store.getFileStore().getWriteCount() != writesBefore;
      if (compactionDue) {
        store.sync();
        syncs.incrementAndGet();
      }
    } catch (RuntimeException e) {
      LOG.warn("{}: compaction failed; the next batch reopens the file", file, e);
      compactionDue = false;
      discardStore();
    }
  }

  private void report(long upTo) {
    try {
      durable.accept(upTo);
    } catch (RuntimeException e) {
      LOG.error("{}: cannot report changes up to #{} durable to the core loop", file, upTo, e);
    }
  }

  /** After a failure the store may be closed or hold changes not on disk: start again from the file. */
  private void discardStore() {
    if (store != null) {
      store.closeImmediately();
      store = null;
      maps = null;
    }
  }

  private void closeStore() {
    if (store == null) {
      return;
    }
    try {
      store.close();
    } catch (RuntimeException e) {
      LOG.error("{}: closing failed", file, e);
      store.closeImmediately();
    }
    store = null;
  }
}
