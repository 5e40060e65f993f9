package org.sngw.store.mvstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.mvstore.SingleFileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.broker.BrokerChange;
import org.sngw.sn.gateway.TopicIdChange;
import org.sngw.store.StateStore;
import org.sngw.store.StoredState;
import org.sngw.time.Clock;

/**
 * The {@link StateStore} on an H2 MVStore file, {@code <dataDir>/state.mv.db}, with group commit:
 * the core loop's changes gather in a batch, one dedicated thread ({@code sngw-store}) writes a
 * batch, commits and forces it to disk, and only then do the {@link #afterDurable} actions waiting
 * for it run, back on the core loop.
 *
 * <p>Layout (format version 1; {@code \0} separates the client id, which MQTT forbids in it):
 *
 * <ul>
 *   <li>{@code meta}: {@code formatVersion} → "1". A newer number is refused at open.
 *   <li>{@code sessions}: client id → its owner ({@link OwnerValue}): empty while unknown, which
 *       is how a file written before owners were kept reads.
 *   <li>{@code offlineSince}: client id → milliseconds since the epoch (varint; a negative one takes
 *       10 bytes). Added within version 1: a file written before has no such map, which reads as
 *       no session offline.
 *   <li>{@code subscriptions}: client id \0 filter → one byte, the QoS.
 *   <li>{@code outbound}: client id \0 sequence (16 hex digits, sign bit flipped so that they sort
 *       numerically) → packet id (varint, 0 when queued), released (0/1), message.
 *   <li>{@code inbound}: client id \0 packet id (4 hex digits) → empty marker.
 *   <li>{@code retained}: topic → message.
 *   <li>{@code wills}: client id → keep-alive millis (varint), message.
 *   <li>{@code topicIds}: client id \0 topic id (4 hex digits) → topic name.
 * </ul>
 *
 * Messages are encoded by {@link MessageCodec}, with a version byte of their own.
 */
public final class MvStateStore implements StateStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MvStateStore.class);
  private static final long CLOSE_WAIT_SECONDS = 30;

  private final StoreFile file;
  private final Executor core;
  private final StoredState loaded;
  private final StoreWriter writer;
  private final GroupCommit commits;
  private final AtomicBoolean closed = new AtomicBoolean();

  private MvStateStore(StoreFile file, OpenedStore opened, Executor core, Clock clock) {
    this.file = file;
    this.core = core;
    this.loaded = opened.state();
    this.writer = new StoreWriter(opened, file, clock);
    this.commits = new GroupCommit(core, writer::submit);
    writer.start(upTo -> core.execute(() -> commits.durable(upTo)));
  }

  /**
   * Opens the store and reads all of it. A damaged file is moved aside to {@code
   * state.mv.db.damaged-<time>}; then, with {@code recover}, the store starts empty.
   *
   * @param core the loop every write and {@code afterDurable} call comes from, and where the
   *     actions run; the store thread reads its clock to time compaction
   * @throws StoreException if the file is damaged (and {@code recover} is false), from a newer
   *     release, in use, or cannot be created
   */
  public static <T extends Executor & Clock> MvStateStore open(Path dataDir, boolean recover, T core)
      throws StoreException {
    return open(dataDir, recover, core, SingleFileStore::new);
  }

  static <T extends Executor & Clock> MvStateStore open(
      Path dataDir, boolean recover, T core, StoreFile.FileStores fileStores) throws StoreException {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException("data directory " + dataDir + " cannot be created: " + e.getMessage(), e);
    }
    StoreFile file = new StoreFile(dataDir.resolve(StoreFile.NAME), fileStores);
    return new MvStateStore(file, StoreOpener.open(file, recover), core, core);
  }

  /** What the file held when it was opened; it was read then, to find damage at once. */
  @Override
  public StoredState load() {
    return loaded;
  }

  @Override
  public void write(BrokerChange change) {
    commits.add(Change.of(change));
  }

  @Override
  public void write(TopicIdChange change) {
    commits.add(Change.of(change));
  }

  @Override
  public void afterDurable(Runnable action) {
    commits.afterDurable(action);
  }

  /** Disk syncs so far, for metrics: far fewer than {@link #changesWritten} under load. */
  public long syncs() {
    return writer.syncs();
  }

  public long changesWritten() {
    return writer.changesWritten();
  }

  /** Attempts to write that failed: a full disk or an unwritable file, retried until one works. */
  public long failedWrites() {
    return writer.failedWrites();
  }

  /** Whether writes are failing now; until one succeeds no QoS 1/2 message is acknowledged. */
  public boolean writeFailing() {
    return writer.failing();
  }

  /** The file's size now, 0 if it cannot be read. */
  public long fileSizeBytes() {
    try {
      return Files.size(file.path());
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Writes what is pending, runs the actions waiting for it, and closes the file. Call it from
   * another thread than the core loop, while the core loop still runs: the pending batch and the
   * actions belong to it. Waits at most 30 s for a failing disk before closing anyway.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    CountDownLatch drained = new CountDownLatch(1);
    try {
      core.execute(() -> commits.afterDurable(drained::countDown));
      if (!drained.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.error("{}: pending changes not written within {} s; closing anyway", file, CLOSE_WAIT_SECONDS);
      }
    } catch (RejectedExecutionException e) {
      LOG.warn("{}: the core loop has stopped, so changes it had not handed over are not written", file);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.error("{}: interrupted while writing pending changes; closing anyway", file);
    }
    writer.stop();
  }
}
