package org.sngw.runtime;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Closes a connection a fixed time after accept unless the handler is removed first (as the MQTT
 * listener does once CONNECT is accepted). A deadline, not an idle timer: a client sending a byte
 * a second never goes idle, and one that never reads an answer holds the connection while the
 * write waits.
 */
public final class AcceptDeadline extends ChannelInboundHandlerAdapter {
  private final Duration deadline;
  private final Consumer<Channel> onExpiry;
  private ScheduledFuture<?> expiry;

  /** @param onExpiry told, before the close, of each connection the deadline ends (to count or log it) */
  public AcceptDeadline(Duration deadline, Consumer<Channel> onExpiry) {
    this.deadline = deadline;
    this.onExpiry = onExpiry;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    expiry = ctx.executor().schedule(() -> expire(ctx), deadline.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    expiry.cancel(false);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    expiry.cancel(false);
    ctx.fireChannelInactive();
  }

  private void expire(ChannelHandlerContext ctx) {
    if (ctx.channel().isOpen()) {
      onExpiry.accept(ctx.channel());
      ctx.close();
    }
  }
}
