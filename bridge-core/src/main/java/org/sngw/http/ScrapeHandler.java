package org.sngw.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import org.sngw.metrics.GatewayMetrics;

/** {@code GET /metrics} gets the Prometheus text, any other path 404, any other method 405. */
final class ScrapeHandler extends OneRequestHandler {
  private static final String PATH = "/metrics";
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final GatewayMetrics metrics;

  ScrapeHandler(GatewayMetrics metrics, EndpointCounters counters) {
    super(counters);
    this.metrics = metrics;
  }

  @Override
  protected void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!new QueryStringDecoder(request.uri()).path().equals(PATH)) {
      answer(ctx, response(HttpResponseStatus.NOT_FOUND));
    } else if (!request.method().equals(HttpMethod.GET)) {
      answer(ctx, onlyGet());
    } else {
      answer(ctx, response(HttpResponseStatus.OK, CONTENT_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8)));
    }
  }
}
