package org.sngw.metrics;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection a fixed time after accept, whatever it is doing. An idle timer would not do:
 * a client sending one byte a second never goes idle, and one that never reads the answer holds
 * the connection while the write waits.
 */
final class ConnectionDeadline extends ChannelInboundHandlerAdapter {
  private final Duration deadline;
  private final EndpointCounters counters;
  private ScheduledFuture<?> expiry;

  ConnectionDeadline(Duration deadline, EndpointCounters counters) {
    this.deadline = deadline;
    this.counters = counters;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    expiry = ctx.executor().schedule(() -> expire(ctx), deadline.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    expiry.cancel(false);
    ctx.fireChannelInactive();
  }

  private void expire(ChannelHandlerContext ctx) {
    if (ctx.channel().isOpen()) {
      counters.expired(ctx.channel().remoteAddress(), deadline);
      ctx.close();
    }
  }
}
