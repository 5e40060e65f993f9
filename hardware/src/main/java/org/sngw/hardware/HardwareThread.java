package org.sngw.hardware;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.sngw.time.Cancellable;
import org.sngw.time.Scheduler;

/**
 * The one thread that owns the pins and the LEDs' state, so a GPIO write never runs on the core
 * loop and the parts need no locks.
 */
final class HardwareThread implements Scheduler, AutoCloseable {
  private final ScheduledThreadPoolExecutor executor;

  HardwareThread() {
    executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "sngw-hardware");
      thread.setDaemon(true);
      return thread;
    });
    // A blink cancelled and rescheduled many times must not leave its dead tasks queued.
    executor.setRemoveOnCancelPolicy(true);
    // Once closing, the next blink or pulse step is not wanted; the last task still runs.
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    try {
      ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    } catch (RejectedExecutionException closed) {
      // An event from another thread while the gateway stops: the LEDs are going dark anyway.
      return () -> { };
    }
  }

  /** Runs {@code last} on this thread after whatever is due now, then stops the thread. */
  void closeWith(Runnable last) {
    if (!executor.isShutdown()) {
      executor.execute(last);
    }
    close();
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
