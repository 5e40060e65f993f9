package org.sngw.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that has not sent a valid CONNECT within a deadline from accept. A deadline,
 * not an idle timer: a client trickling a byte a second would otherwise stay for ever. Removed
 * (which cancels it) when the CONNECT is accepted.
 */
final class ConnectDeadline extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ConnectDeadline.class);

  private final long seconds;
  private ScheduledFuture<?> timer;

  ConnectDeadline(long seconds) {
    this.seconds = seconds;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      arm(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    arm(ctx);
    ctx.fireChannelActive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  private void arm(ChannelHandlerContext ctx) {
    if (timer == null) {
      timer = ctx.executor().schedule(() -> {
        log.debug("closing {}: no CONNECT within {} s of accept", ctx.channel().remoteAddress(), seconds);
        ctx.close();
      }, seconds, TimeUnit.SECONDS);
    }
  }
}
