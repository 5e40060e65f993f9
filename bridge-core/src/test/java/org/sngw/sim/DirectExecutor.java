package org.sngw.sim;

import java.util.concurrent.Executor;

/** The core loop of a single-threaded simulation: handed-over work runs at once. */
final class DirectExecutor implements Executor {
  @Override
  public void execute(Runnable task) {
    task.run();
  }
}
