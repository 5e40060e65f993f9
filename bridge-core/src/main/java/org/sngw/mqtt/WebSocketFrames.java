package org.sngw.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binary frames in, their bytes out as one stream, and each encoded packet out as a binary frame.
 * Frame and packet boundaries need not agree (MQTT section 6): the MQTT decoder after this handler
 * reassembles packets from the stream as it does from TCP. Ping, pong and close frames are the
 * WebSocket handler's before this one; a text frame is not MQTT and ends the connection.
 */
final class WebSocketFrames extends MessageToMessageCodec<WebSocketFrame, ByteBuf> {
  private static final Logger log = LoggerFactory.getLogger(WebSocketFrames.class);

  @Override
  protected void encode(ChannelHandlerContext ctx, ByteBuf packet, List<Object> out) {
    out.add(new BinaryWebSocketFrame(packet.retain()));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
    if (frame instanceof BinaryWebSocketFrame || frame instanceof ContinuationWebSocketFrame) {
      out.add(frame.content().retain());
    } else if (frame instanceof TextWebSocketFrame) {
      log.debug("closing {}: a text frame, where MQTT needs binary ones", ctx.channel().remoteAddress());
      // closed at once, so that no continuation of it reaches the MQTT decoder
      ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INVALID_MESSAGE_TYPE), ctx.voidPromise());
      ctx.close();
    }
  }
}
