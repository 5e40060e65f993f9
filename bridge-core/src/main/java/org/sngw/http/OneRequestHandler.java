package org.sngw.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the one request a connection may make: what the decoder could not read is answered 400,
 * 414 or 431 here, anything else goes to {@link #handle}, which answers it with {@link #answer}
 * (and the connection closes) or keeps the connection as a stream. One request per connection, so
 * a client cannot pipeline a thousand into one packet; browsers and Prometheus connect anew.
 */
public abstract class OneRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);

  private final EndpointCounters counters;
  private boolean handled;

  protected OneRequestHandler(EndpointCounters counters) {
    this.counters = counters;
  }

  /** A readable request, the first of its connection. */
  protected abstract void handle(ChannelHandlerContext ctx, FullHttpRequest request);

  @Override
  protected final void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    // after the first, or a request cut short by the client or the deadline: nothing to answer
    if (handled || !ctx.channel().isActive()) {
      return;
    }
    handled = true;
    if (request.decoderResult().isFailure()) {
      answer(ctx, rejected(ctx, request.decoderResult().cause()));
    } else {
      handle(ctx, request);
    }
  }

  /** Sends the whole answer and closes the connection after it. */
  protected static void answer(ChannelHandlerContext ctx, FullHttpResponse response) {
    response.headers()
        .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  protected static FullHttpResponse response(HttpResponseStatus status) {
    return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
  }

  protected static FullHttpResponse response(HttpResponseStatus status, String contentType, byte[] body) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    return response;
  }

  /** 405 naming the one method the endpoint takes. */
  protected static FullHttpResponse onlyGet() {
    FullHttpResponse response = response(HttpResponseStatus.METHOD_NOT_ALLOWED);
    response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.GET.name());
    return response;
  }

  private FullHttpResponse rejected(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      counters.tooLarge(ctx.channel().remoteAddress());
      return response(HttpResponseStatus.REQUEST_URI_TOO_LONG);
    }
    if (cause instanceof TooLongHttpHeaderException) {
      counters.tooLarge(ctx.channel().remoteAddress());
      return response(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
    }
    counters.malformed(ctx.channel().remoteAddress(), cause);
    return response(HttpResponseStatus.BAD_REQUEST);
  }

  /** A client that resets the connection is not worth a line in the log: it can do so at will. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
