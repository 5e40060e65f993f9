package org.sngw.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the MQTT bytes a listener's connections read and write: placed below the MQTT codec and
 * above TLS and WebSocket framing, so it sees MQTT packets' bytes only, as Mosquitto counts them.
 */
@ChannelHandler.Sharable
final class ByteCounter extends ChannelDuplexHandler {
  private final LongAdder received;
  private final LongAdder sent;

  ByteCounter(LongAdder received, LongAdder sent) {
    this.received = received;
    this.sent = sent;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf bytes) {
      received.add(bytes.readableBytes());
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf bytes) {
      sent.add(bytes.readableBytes());
    }
    ctx.write(msg, promise);
  }
}
