package org.sngw.runtime;

import java.util.concurrent.Executor;

/** How I/O threads hand work to the thread that owns gateway and broker state. */
public interface CoreExecutor extends Executor {
  /**
   * Queues a task unless the core is already that far behind; false means the task was dropped.
   * For work that may be lost under overload (a sensor's datagram, which it will resend).
   */
  boolean tryExecute(Runnable task);
}
