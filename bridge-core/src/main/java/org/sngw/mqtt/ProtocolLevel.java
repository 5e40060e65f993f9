package org.sngw.mqtt;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.AttributeKey;

/**
 * Keeps what a connection is sent at the protocol level it was accepted with. Netty's MQTT decoder
 * keeps the level of the CONNECT it last began to decode on the channel, and its encoder writes by
 * it; a client that sends a second CONNECT (a protocol violation, answered by closing) would switch
 * the level of whatever is written meanwhile, even before that CONNECT has arrived whole. Put just
 * before the encoder, this sets the accepted level back before each write.
 */
final class ProtocolLevel extends ChannelOutboundHandlerAdapter {
  /** The pipeline slot, right after the encoder, so outbound packets pass here first. */
  static final String NAME = "level";
  /** The attribute Netty's {@code MqttCodecUtil} keeps the level under (ProtocolLevelTest checks it). */
  static final AttributeKey<MqttVersion> NETTY_KEY = AttributeKey.valueOf("NETTY_CODEC_MQTT_VERSION");

  private final MqttVersion accepted;

  private ProtocolLevel(MqttVersion accepted) {
    this.accepted = accepted;
  }

  /** Pins the level the channel's CONNECT was just decoded at. */
  static ChannelHandler pinned(Channel channel) {
    return new ProtocolLevel(of(channel));
  }

  static MqttVersion of(Channel channel) {
    return channel.attr(NETTY_KEY).get();
  }

  static void restore(Channel channel, MqttVersion level) {
    channel.attr(NETTY_KEY).set(level);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (of(ctx.channel()) != accepted) {
      restore(ctx.channel(), accepted);
    }
    ctx.write(msg, promise);
  }
}
