package org.sngw.metrics;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.runtime.AcceptDeadline;
import org.sngw.runtime.BufferPool;
import org.sngw.runtime.IoLoops;
import org.sngw.runtime.StartException;
import org.sngw.time.Clock;

/**
 * Serves {@code GET /metrics} in the Prometheus text format so that no client can take it down: it
 * has an I/O thread of its own (a scrape never waits for the MQTT or UDP listeners, nor they for
 * it), every connection is closed a fixed deadline after accept, requests are small and bounded,
 * and connections beyond a cap are closed as soon as they are accepted. Each of these refusals is
 * counted in {@code sngw_metrics_*} and logged, rate-limited.
 */
public final class MetricsEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);
  /** Prometheus sends a short request line and a few headers; a long Accept is some 200 bytes. */
  private static final int MAX_REQUEST_LINE = 4096;
  private static final int MAX_HEADER_BYTES = 8192;
  /** A scrape has no body; a little room so that a stray POST gets its 405 rather than a 413. */
  private static final int MAX_BODY_BYTES = 1024;

  private final IoLoops io;
  private final ChannelGroup connections;
  private final Channel server;

  private MetricsEndpoint(IoLoops io, ChannelGroup connections, Channel server) {
    this.io = io;
    this.connections = connections;
    this.server = server;
  }

  /** Binds and starts serving; the message names the address when binding fails. */
  public static MetricsEndpoint start(InetSocketAddress bind, GatewayMetrics metrics) throws StartException {
    return start(bind, metrics, EndpointLimits.DEFAULT);
  }

  static MetricsEndpoint start(InetSocketAddress bind, GatewayMetrics metrics, EndpointLimits limits)
      throws StartException {
    EndpointCounters counters = new EndpointCounters(metrics, Clock.SYSTEM);
    IoLoops io = IoLoops.create("sngw-metrics", 1);
    ChannelGroup connections = new DefaultChannelGroup("metrics", GlobalEventExecutor.INSTANCE);
    ChannelFuture bound = new ServerBootstrap()
        .group(io.group())
        .channel(io.serverSocketChannel())
        .option(ChannelOption.SO_REUSEADDR, true)
        .option(ChannelOption.ALLOCATOR, BufferPool.ALLOCATOR)
        .childOption(ChannelOption.ALLOCATOR, BufferPool.ALLOCATOR)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel channel) {
            int open = connections.size();
            if (open >= limits.maxConnections()) {
              counters.refused(channel.remoteAddress(), open);
              channel.close();
              return;
            }
            connections.add(channel);
            channel.pipeline()
                .addLast("deadline", new AcceptDeadline(limits.deadline(),
                    expired -> counters.expired(expired.remoteAddress(), limits.deadline())))
                .addLast("codec", new HttpServerCodec(new HttpDecoderConfig()
                    .setMaxInitialLineLength(MAX_REQUEST_LINE)
                    .setMaxHeaderSize(MAX_HEADER_BYTES)))
                .addLast("aggregator", new CountingAggregator(counters))
                .addLast("scrape", new ScrapeHandler(metrics, counters));
          }
        })
        .bind(bind)
        .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      io.close();
      throw new StartException("metrics endpoint cannot bind " + bind.getHostString() + ":" + bind.getPort()
          + ": " + IoLoops.bindFailure(bound.cause()), bound.cause());
    }
    MetricsEndpoint endpoint = new MetricsEndpoint(io, connections, bound.channel());
    log.info("metrics on http://{}:{}/metrics", bind.getHostString(), endpoint.address().getPort());
    return endpoint;
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) server.localAddress();
  }

  /** Stops accepting, closes every connection and ends the endpoint's thread. */
  @Override
  public void close() {
    server.close().syncUninterruptibly();
    connections.close().awaitUninterruptibly();
    io.close();
  }

  /** Counts the requests whose body is over the bound before the aggregator answers them 413. */
  private static final class CountingAggregator extends HttpObjectAggregator {
    private final EndpointCounters counters;

    CountingAggregator(EndpointCounters counters) {
      super(MAX_BODY_BYTES);
      this.counters = counters;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
      counters.tooLarge(ctx.channel().remoteAddress());
      super.handleOversizedMessage(ctx, oversized);
    }
  }
}
