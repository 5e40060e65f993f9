package org.sngw.time;

import java.time.Duration;

/**
 * Runs tasks later on the thread that owns the caller's state (the core loop in production, the
 * test thread under a virtual clock).
 */
@FunctionalInterface
public interface Scheduler {
  Cancellable schedule(Duration delay, Runnable task);
}
