package org.sngw.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
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
import java.util.function.Supplier;
import org.sngw.runtime.AcceptDeadline;
import org.sngw.runtime.BufferPool;
import org.sngw.runtime.IoLoops;
import org.sngw.runtime.StartException;

/**
 * A small HTTP server that no client can take down, for the gateway's own pages (metrics, the
 * status page): it has an I/O thread of its own (a request never waits for the MQTT or UDP
 * listeners, nor they for it), every connection is closed a fixed deadline after accept unless
 * its handler removes {@link #DEADLINE} (a stream that is meant to stay), requests are small and
 * bounded, and connections beyond a cap are closed as soon as they are accepted. Each refusal is
 * counted and logged by the {@link EndpointCounters}.
 */
public final class HttpEndpoint implements AutoCloseable {
  /** The name of the deadline handler in each connection's pipeline. */
  public static final String DEADLINE = "deadline";
  /** Browsers and Prometheus send a short request line; a long URL with a token is some 200 bytes. */
  private static final int MAX_REQUEST_LINE = 4096;
  /** A browser's headers with a cookie and Basic credentials are well under 2 KB. */
  private static final int MAX_HEADER_BYTES = 8192;
  /** No page takes a body; a little room so that a stray POST gets its 405 rather than a 413. */
  private static final int MAX_BODY_BYTES = 1024;

  private final IoLoops io;
  private final ChannelGroup connections;
  private final Channel server;

  private HttpEndpoint(IoLoops io, ChannelGroup connections, Channel server) {
    this.io = io;
    this.connections = connections;
    this.server = server;
  }

  /**
   * Binds and starts serving, each connection with a fresh handler from {@code handlers}.
   *
   * @throws StartException naming the endpoint and the address when binding fails
   */
  public static HttpEndpoint start(String name, InetSocketAddress bind, EndpointLimits limits,
      EndpointCounters counters, Supplier<ChannelHandler> handlers) throws StartException {
    IoLoops io = IoLoops.create("sngw-" + name, 1);
    ChannelGroup connections = new DefaultChannelGroup(name, GlobalEventExecutor.INSTANCE);
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
                .addLast(DEADLINE, new AcceptDeadline(limits.deadline(),
                    expired -> counters.expired(expired.remoteAddress(), limits.deadline())))
                .addLast("codec", new HttpServerCodec(new HttpDecoderConfig()
                    .setMaxInitialLineLength(MAX_REQUEST_LINE)
                    .setMaxHeaderSize(MAX_HEADER_BYTES)))
                .addLast("aggregator", new CountingAggregator(counters))
                .addLast("handler", handlers.get());
          }
        })
        .bind(bind)
        .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      io.close();
      throw new StartException(name + " endpoint cannot bind " + bind.getHostString() + ":" + bind.getPort()
          + ": " + IoLoops.bindFailure(bound.cause()), bound.cause());
    }
    return new HttpEndpoint(io, connections, bound.channel());
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
