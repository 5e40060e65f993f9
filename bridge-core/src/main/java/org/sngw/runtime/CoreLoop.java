package org.sngw.runtime;

import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sngw.time.Cancellable;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;

/**
 * The one thread that owns gateway and broker state. I/O threads hand work over with {@link
 * #execute} (always accepted: TCP clients, which TCP itself paces) or {@link #tryExecute}
 * (bounded: datagrams from sensors, dropped when the core is overloaded rather than queued without
 * limit). Backed by a Netty event loop for its lock-free task queue and its timers.
 */
public final class CoreLoop implements CoreExecutor, Scheduler, Clock, AutoCloseable {
  private final DefaultEventLoop loop = new DefaultEventLoop(new DefaultThreadFactory("sngw-core", false));
  private final AtomicInteger boundedPending = new AtomicInteger();
  private final int maxBoundedPending;

  public CoreLoop(int maxBoundedPending) {
    this.maxBoundedPending = maxBoundedPending;
  }

  @Override
  public void execute(Runnable task) {
    loop.execute(task);
  }

  @Override
  public boolean tryExecute(Runnable task) {
    if (boundedPending.incrementAndGet() > maxBoundedPending) {
      boundedPending.decrementAndGet();
      return false;
    }
    loop.execute(() -> {
      boundedPending.decrementAndGet();
      task.run();
    });
    return true;
  }

  public boolean inLoop() {
    return loop.inEventLoop();
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> future = loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public long nanos() {
    return System.nanoTime();
  }

  /** Runs what is already queued, then stops the thread. */
  @Override
  public void close() {
    loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
