package org.sngw.sim;

import org.sngw.runtime.CoreExecutor;

/** The core loop of a single-threaded simulation: handed-over work runs at once. */
final class DirectExecutor implements CoreExecutor {
  @Override
  public boolean tryExecute(Runnable task) {
    task.run();
    return true;
  }

  @Override
  public void execute(Runnable task) {
    task.run();
  }
}
