package org.sngw.time;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.PriorityQueue;

/** A clock and scheduler for tests: time moves only when the test advances it, never by sleeping. */
public final class VirtualTime implements Clock, Scheduler {
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private long now;
  private long sequence;

  @Override
  public long nanos() {
    return now;
  }

  /** A wall clock that starts at the epoch and moves with this time. */
  public InstantSource wall() {
    return () -> Instant.EPOCH.plusNanos(now);
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    Task task = new Task(now + Math.max(0, delay.toNanos()), sequence++, action);
    tasks.add(task);
    return () -> task.cancelled = true;
  }

  /** Moves time forward, running every task that falls due, in due order, at its due time. */
  public void advance(Duration by) {
    long until = now + by.toNanos();
    Task next;
    while ((next = tasks.peek()) != null && next.dueNanos <= until) {
      tasks.poll();
      now = next.dueNanos;
      if (!next.cancelled) {
        next.action.run();
      }
    }
    now = until;
  }

  /** Tasks still waiting (not cancelled). */
  public long pendingTasks() {
    return tasks.stream().filter(t -> !t.cancelled).count();
  }

  private static final class Task implements Comparable<Task> {
    final long dueNanos;
    final long sequence;
    final Runnable action;
    boolean cancelled;

    Task(long dueNanos, long sequence, Runnable action) {
      this.dueNanos = dueNanos;
      this.sequence = sequence;
      this.action = action;
    }

    @Override
    public int compareTo(Task o) {
      int byTime = Long.compare(dueNanos, o.dueNanos);
      return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
    }
  }
}
