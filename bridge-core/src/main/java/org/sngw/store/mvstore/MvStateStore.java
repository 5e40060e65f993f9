package org.sngw.store.mvstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.mvstore.SingleFileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.store.StateStore;
import org.sngw.store.StoredState;

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
 *   <li>{@code sessions}: client id → empty marker.
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

  private MvStateStore(StoreFile file, OpenedStore opened, Executor core) {
    this.file = file;
    this.core = core;
    this.loaded = opened.state();
    this.writer = new StoreWriter(opened, file);
    this.commits = new GroupCommit(core, writer::submit);
    writer.start(upTo -> core.execute(() -> commits.durable(upTo)));
  }

  /**
   * Opens the store and reads all of it. A damaged file is moved aside to {@code
   * state.mv.db.damaged-<time>}; then, with {@code recover}, the store starts empty.
   *
   * @param core the loop every save, delete and {@code afterDurable} call comes from, and where
   *     the actions run
   * @throws StoreException if the file is damaged (and {@code recover} is false), from a newer
   *     release, in use, or cannot be created
   */
  public static MvStateStore open(Path dataDir, boolean recover, Executor core) throws StoreException {
    return open(dataDir, recover, core, SingleFileStore::new);
  }

  static MvStateStore open(Path dataDir, boolean recover, Executor core, StoreFile.FileStores fileStores)
      throws StoreException {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException("data directory " + dataDir + " cannot be created: " + e.getMessage(), e);
    }
    StoreFile file = new StoreFile(dataDir.resolve(StoreFile.NAME), fileStores);
    return new MvStateStore(file, StoreOpener.open(file, recover), core);
  }

  /** What the file held when it was opened; it was read then, to find damage at once. */
  @Override
  public StoredState load() {
    return loaded;
  }

  @Override
  public void saveSession(String clientId) {
    commits.add(maps -> maps.putSession(clientId));
  }

  @Override
  public void deleteSession(String clientId) {
    commits.add(maps -> maps.removeSession(clientId));
  }

  /** @throws ArithmeticException here, not on the store thread, if {@code since} is beyond milliseconds */
  @Override
  public void saveOfflineSince(String clientId, Instant since) {
    long epochMillis = since.toEpochMilli();
    commits.add(maps -> maps.putOfflineSince(clientId, epochMillis));
  }

  @Override
  public void deleteOfflineSince(String clientId) {
    commits.add(maps -> maps.removeOfflineSince(clientId));
  }

  @Override
  public void saveSubscription(String clientId, String filter, Qos qos) {
    commits.add(maps -> maps.putSubscription(clientId, filter, qos));
  }

  @Override
  public void deleteSubscription(String clientId, String filter) {
    commits.add(maps -> maps.removeSubscription(clientId, filter));
  }

  @Override
  public void saveOutbound(String clientId, long sequence, Message message) {
    commits.add(maps -> maps.putOutbound(clientId, sequence, message));
  }

  @Override
  public void saveSent(String clientId, long sequence, int packetId) {
    commits.add(maps -> maps.markSent(clientId, sequence, packetId));
  }

  @Override
  public void saveReleased(String clientId, long sequence) {
    commits.add(maps -> maps.markReleased(clientId, sequence));
  }

  @Override
  public void deleteOutbound(String clientId, long sequence) {
    commits.add(maps -> maps.removeOutbound(clientId, sequence));
  }

  @Override
  public void saveInboundId(String clientId, int packetId) {
    commits.add(maps -> maps.putInbound(clientId, packetId));
  }

  @Override
  public void deleteInboundId(String clientId, int packetId) {
    commits.add(maps -> maps.removeInbound(clientId, packetId));
  }

  @Override
  public void saveRetained(Message message) {
    commits.add(maps -> maps.putRetained(message));
  }

  @Override
  public void deleteRetained(String topic) {
    commits.add(maps -> maps.removeRetained(topic));
  }

  @Override
  public void saveWill(String clientId, Message will, Duration keepAlive) {
    commits.add(maps -> maps.putWill(clientId, will, keepAlive));
  }

  @Override
  public void deleteWill(String clientId) {
    commits.add(maps -> maps.removeWill(clientId));
  }

  @Override
  public void saveTopicId(String clientId, int topicId, String topicName) {
    commits.add(maps -> maps.putTopicId(clientId, topicId, topicName));
  }

  @Override
  public void deleteTopicId(String clientId, int topicId) {
    commits.add(maps -> maps.removeTopicId(clientId, topicId));
  }

  @Override
  public void deleteTopicIds(String clientId) {
    commits.add(maps -> maps.removeTopicIds(clientId));
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
