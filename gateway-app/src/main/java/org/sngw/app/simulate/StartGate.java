package org.sngw.app.simulate;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds every client loop after its handshake until all are ready, then releases them together
 * with one {@link Schedule}, or with none when the run is called off.
 */
final class StartGate {
  private final CountDownLatch ready;
  private final CountDownLatch go = new CountDownLatch(1);
  private volatile Schedule schedule;

  StartGate(int loops) {
    ready = new CountDownLatch(loops);
  }

  void arrived() {
    ready.countDown();
  }

  boolean awaitAll(Duration timeout) throws InterruptedException {
    return ready.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  void open(Schedule startWith) {
    schedule = startWith;
    go.countDown();
  }

  void callOff() {
    go.countDown();
  }

  /** The schedule to run, or null when the run was called off. */
  Schedule await() throws InterruptedException {
    go.await();
    return schedule;
  }
}
