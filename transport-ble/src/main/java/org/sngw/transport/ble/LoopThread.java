package org.sngw.transport.ble;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link BleLoop}: one daemon thread of the transport's own, so that nothing of
 * ours runs on BlueZ's D-Bus threads (a blocking call from a signal handler can stall them) or
 * on the core loop.
 */
final class LoopThread implements BleLoop {
  private static final Logger log = LoggerFactory.getLogger(LoopThread.class);

  private final ExecutorService executor;
  private volatile Thread thread;

  LoopThread(String name) {
    executor = Executors.newSingleThreadExecutor(task -> {
      Thread created = new Thread(task, name);
      // A transport that was never closed must not keep the JVM alive.
      created.setDaemon(true);
      thread = created;
      return created;
    });
  }

  @Override
  public void execute(Runnable task) {
    try {
      executor.execute(() -> run(task));
    } catch (RejectedExecutionException e) {
      // Stopped: a callback from the radio after close has nothing left to act on.
    }
  }

  private static void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      // A bug in one task must not take the radio away from every sensor.
      log.error("BLE transport task failed", e);
    }
  }

  @Override
  public void stop(Duration wait) {
    executor.shutdown();
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      if (!executor.awaitTermination(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        log.warn("BLE transport thread did not stop within {} ms", wait.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
