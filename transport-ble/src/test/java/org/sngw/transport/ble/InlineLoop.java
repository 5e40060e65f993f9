package org.sngw.transport.ble;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * A {@link BleLoop} on the test thread: a task given from outside runs at once, one given by a
 * running task runs right after it, so nothing nests, as on the real loop, and a test sees the
 * effect of each call as soon as it returns.
 */
final class InlineLoop implements BleLoop {
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private boolean running;
  private boolean stopped;

  @Override
  public void execute(Runnable task) {
    if (stopped) {
      return;
    }
    tasks.add(task);
    if (running) {
      return;
    }
    running = true;
    try {
      Runnable next;
      while ((next = tasks.poll()) != null) {
        next.run();
      }
    } finally {
      running = false;
    }
  }

  @Override
  public void stop(Duration wait) {
    stopped = true;
  }
}
