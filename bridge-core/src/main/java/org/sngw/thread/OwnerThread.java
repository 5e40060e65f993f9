package org.sngw.thread;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The one thread that may touch an object's state: the first that does (in the gateway, the core
 * loop; in a unit test, the test thread). Checked as {@code assert owner.isCurrent()}, so it costs
 * nothing unless assertions are on, as they are in every test run.
 */
public final class OwnerThread {
  private final String what;
  private final AtomicReference<Thread> owner = new AtomicReference<>();

  /** @param what the state owned, for the failure message */
  public OwnerThread(String what) {
    this.what = what;
  }

  /**
   * True on the owning thread, which the first call names.
   *
   * @throws AssertionError on any other thread, naming both
   */
  public boolean isCurrent() {
    Thread current = Thread.currentThread();
    Thread bound = owner.compareAndExchange(null, current);
    if (bound != null && bound != current) {
      throw new AssertionError(what + " belongs to thread " + bound.getName() + " but " + current.getName()
          + " touched it");
    }
    return true;
  }
}
