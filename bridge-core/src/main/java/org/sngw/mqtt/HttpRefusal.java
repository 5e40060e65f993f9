package org.sngw.mqtt;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request that is not for {@value WebSocketFraming#PATH} (the WebSocket handshake passes
 * those on) with 404 and a line saying where MQTT is, then closes: the port serves nothing else.
 */
@ChannelHandler.Sharable
final class HttpRefusal extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final HttpRefusal INSTANCE = new HttpRefusal();

  private static final Logger log = LoggerFactory.getLogger(HttpRefusal.class);
  private static final byte[] BODY =
      ("This port serves MQTT over WebSocket at " + WebSocketFraming.PATH + " only\n").getBytes(StandardCharsets.UTF_8);

  private HttpRefusal() {}

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    log.debug("closing {}: HTTP {} {} is not a WebSocket request for {}", ctx.channel().remoteAddress(),
        request.method(), request.uri(), WebSocketFraming.PATH);
    FullHttpResponse response = new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND, Unpooled.wrappedBuffer(BODY));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
