package org.sngw.store.mvstore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core loop's half of group commit. Changes join the batch being built; one batch at a time is
 * with the store thread; an action given to {@link #afterDurable} waits for every change made
 * before it. Called on the core loop only, so nothing here is locked.
 */
final class GroupCommit {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

  private final Executor core;
  private final Consumer<Batch> writer;
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private List<Change> building = new ArrayList<>();
  private long changes;
  private long durableUpTo;
  private boolean writing;
  private boolean handOverQueued;

  GroupCommit(Executor core, Consumer<Batch> writer) {
    this.core = core;
    this.writer = writer;
  }

  void add(Change change) {
    building.add(change);
    changes++;
    if (!writing && !handOverQueued) {
      handOverQueued = true;
      // queued behind what the core loop has to do now, so that joins this batch
      core.execute(this::handOver);
    }
  }

  void afterDurable(Runnable action) {
    if (changes == durableUpTo && waiting.isEmpty()) {
      run(action);
    } else {
      waiting.add(new Waiting(changes, action));
    }
  }

  /** The store thread has written and synced every change up to number {@code upTo}. */
  void durable(long upTo) {
    writing = false;
    durableUpTo = upTo;
    // an action may save more or wait again: both only append, so the loop stays in order
    while (!waiting.isEmpty() && waiting.peek().upTo() <= durableUpTo) {
      run(waiting.poll().action());
    }
    handOver();
  }

  private void handOver() {
    handOverQueued = false;
    if (writing || building.isEmpty()) {
      return;
    }
    writing = true;
    Batch batch = new Batch(building, changes);
    building = new ArrayList<>();
    writer.accept(batch);
  }

  private static void run(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.error("an action waiting for the store failed", e);
    }
  }

  private record Waiting(long upTo, Runnable action) {}
}
