package org.sngw.metrics;

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
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the one request a connection may make, then closes it: {@code GET /metrics} gets the
 * Prometheus text, any other path 404, any other method 405, what the decoder could not read 400,
 * 414 or 431. One answer per connection, so that a client cannot pipeline a thousand scrapes into
 * one packet, and Prometheus connects anew for each scrape anyway.
 */
final class ScrapeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);
  private static final String PATH = "/metrics";
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final GatewayMetrics metrics;
  private final EndpointCounters counters;
  private boolean answered;

  ScrapeHandler(GatewayMetrics metrics, EndpointCounters counters) {
    this.metrics = metrics;
    this.counters = counters;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    // after the answer, or a request cut short by the client or the deadline: nothing to answer
    if (answered || !ctx.channel().isActive()) {
      return;
    }
    answered = true;
    FullHttpResponse response = answer(ctx, request);
    response.headers()
        .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  private FullHttpResponse answer(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (request.decoderResult().isFailure()) {
      return rejected(ctx, request.decoderResult().cause());
    }
    if (!new QueryStringDecoder(request.uri()).path().equals(PATH)) {
      return response(HttpResponseStatus.NOT_FOUND);
    }
    if (!request.method().equals(HttpMethod.GET)) {
      FullHttpResponse response = response(HttpResponseStatus.METHOD_NOT_ALLOWED);
      response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.GET.name());
      return response;
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
        Unpooled.wrappedBuffer(metrics.scrape().getBytes(StandardCharsets.UTF_8)));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE);
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

  private static FullHttpResponse response(HttpResponseStatus status) {
    return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
  }

  /** A client that resets the connection is not worth a line in the log: it can do so at will. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("metrics connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
