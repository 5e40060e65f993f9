package org.sngw.runtime;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.sngw.time.Cancellable;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;

/**
 * The one thread that owns gateway and broker state; I/O threads hand work to it with {@link
 * #execute}. A Netty I/O event loop with no channels: its task queue is lock-free (many producers,
 * one consumer) and it is woken only when it sleeps, so a handoff costs no lock. Its timers serve
 * as the {@link Scheduler}.
 */
public final class CoreLoop implements Executor, Scheduler, Clock, AutoCloseable {
  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("sngw-core", false), NioIoHandler.newFactory());
  private final EventLoop loop = group.next();

  @Override
  public void execute(Runnable task) {
    loop.execute(task);
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
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
