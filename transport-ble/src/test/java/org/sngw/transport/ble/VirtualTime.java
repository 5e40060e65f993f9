package org.sngw.transport.ble;

import java.time.Duration;
import java.util.PriorityQueue;
import org.sngw.time.Cancellable;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;

/** A clock and scheduler for tests: time moves only when the test advances it, never by sleeping. */
final class VirtualTime implements Clock, Scheduler {
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private long now;
  private long sequence;

  @Override
  public long nanos() {
    return now;
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    Task task = new Task(now + Math.max(0, delay.toNanos()), sequence++, action);
    tasks.add(task);
    return () -> task.cancelled = true;
  }

  /** Moves time forward, running every task that falls due, in due order, at its due time. */
  void advance(Duration by) {
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
  long pendingTasks() {
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
