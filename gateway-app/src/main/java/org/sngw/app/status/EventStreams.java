package org.sngw.app.status;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.http.HttpEndpoint;
import org.sngw.time.Clock;

/**
 * The open pages' live feeds, as server-sent events: each document goes to every page that has
 * read the one before (Netty's write buffer is below its high mark); a page that has not is
 * skipped, and one that reads nothing for {@link #STALL_LIMIT} is closed, so a stalled browser
 * holds at most one document's worth of memory and never slows the others. At most
 * {@link #MAX_STREAMS} at once.
 */
final class EventStreams {
  static final int MAX_STREAMS = 8;
  static final Duration STALL_LIMIT = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
  /** How soon a browser reconnects after the stream breaks, in milliseconds. */
  private static final String PROLOGUE = "retry: 3000\n\n";

  private final ChannelGroup streams = new DefaultChannelGroup("status-events", GlobalEventExecutor.INSTANCE);
  private final Map<Channel, Long> stalledSince = new ConcurrentHashMap<>();
  private final Clock clock;

  EventStreams(Clock clock) {
    this.clock = clock;
  }

  boolean isEmpty() {
    return streams.isEmpty();
  }

  /**
   * Turns the connection into a stream, past the endpoint's deadline; false when as many are open
   * as allowed, and the caller answers.
   */
  boolean open(ChannelHandlerContext ctx, String setCookie) {
    if (streams.size() >= MAX_STREAMS) {
      return false;
    }
    ctx.pipeline().remove(HttpEndpoint.DEADLINE);
    HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
        .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    if (setCookie != null) {
      response.headers().set(HttpHeaderNames.SET_COOKIE, setCookie);
    }
    ctx.write(response);
    ctx.writeAndFlush(chunk(PROLOGUE));
    Channel channel = ctx.channel();
    streams.add(channel);
    channel.closeFuture().addListener(closed -> stalledSince.remove(channel));
    return true;
  }

  /** One document to one stream, as it opens. */
  static void send(Channel channel, String document) {
    channel.writeAndFlush(chunk(event(document)));
  }

  /** One document to every stream that keeps up; from any thread. */
  void publish(String document) {
    String event = event(document);
    long now = clock.nanos();
    for (Channel channel : streams) {
      if (channel.isWritable()) {
        stalledSince.remove(channel);
        channel.writeAndFlush(chunk(event));
      } else if (now - stalledSince.computeIfAbsent(channel, stalled -> now) > STALL_LIMIT.toNanos()) {
        log.warn("status page stream to {} closed: it read nothing for {} s", channel.remoteAddress(),
            STALL_LIMIT.toSeconds());
        channel.close();
      }
    }
  }

  void close() {
    streams.close().awaitUninterruptibly();
  }

  private static String event(String document) {
    return "data: " + document + "\n\n";
  }

  private static DefaultHttpContent chunk(String text) {
    ByteBuf bytes = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    return new DefaultHttpContent(bytes);
  }
}
