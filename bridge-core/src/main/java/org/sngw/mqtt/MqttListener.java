package org.sngw.mqtt;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.auth.Authenticator;
import org.sngw.broker.Broker;
import org.sngw.broker.BrokerConfig;
import org.sngw.config.ListenAddress;
import org.sngw.logging.RateLimitedWarning;
import org.sngw.runtime.BufferPool;
import org.sngw.runtime.IoLoops;
import org.sngw.runtime.StartException;
import org.sngw.time.Clock;

/**
 * MQTT 3.1.1 (and 3.1) over TCP, or over WebSocket (its {@link MqttFraming}): every connection
 * becomes a session of the broker. Netty's I/O threads decode and check packets; the broker is
 * only ever called on the core executor.
 */
public final class MqttListener implements AutoCloseable {
  /**
   * A connection's outbound buffer past which QoS 0 to it is dropped: about a second of 1 KB
   * messages at a thousand a second, beside what the kernel's socket buffers already hold.
   */
  public static final int WRITE_BUFFER_HIGH_BYTES = 1 << 20;

  private static final int WRITE_BUFFER_LOW_BYTES = WRITE_BUFFER_HIGH_BYTES / 2;
  private static final Logger log = LoggerFactory.getLogger(MqttListener.class);
  /** How long a shutdown waits for MQTT 5 clients to take their DISCONNECT. */
  private static final Duration SHUTDOWN_NOTICE = Duration.ofSeconds(1);

  private final ListenAddress bind;
  private final BrokerConfig config;
  private final IoLoops io;
  private final MqttStats stats = new MqttStats();
  private final ByteCounter byteCounter = new ByteCounter(stats.bytesReceived, stats.bytesSent);
  private final ConnectionCounts counts = new ConnectionCounts();
  private final RateLimitedWarning pendingWarning = new RateLimitedWarning(log, Duration.ofSeconds(10), Clock.SYSTEM);
  private final Authenticator access;
  private final Optional<ServerTls> tls;
  private final MqttFraming framing;
  private final ConnectHandler connectHandler;
  private final ChannelGroup connections = new DefaultChannelGroup("mqtt", GlobalEventExecutor.INSTANCE);
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Channel server;

  /** An MQTT listener over TCP. */
  public MqttListener(ListenAddress bind, BrokerConfig config, Authenticator access, Broker broker, Executor core,
      IoLoops io, Optional<ServerTls> tls) {
    this(bind, config, access, broker, core, io, tls, MqttFraming.TCP);
  }

  /**
   * @param tls for a TLS listener: its certificate and client-certificate policy; empty for plain TCP
   * @param framing how packets travel on its connections, over TCP or WebSocket
   */
  public MqttListener(ListenAddress bind, BrokerConfig config, Authenticator access, Broker broker, Executor core,
      IoLoops io, Optional<ServerTls> tls, MqttFraming framing) {
    this.bind = bind;
    this.framing = framing;
    this.config = config;
    this.io = io;
    this.access = access;
    this.tls = tls;
    this.connectHandler = new ConnectHandler(config, access, broker, core, stats, counts, tls);
  }

  public MqttStats stats() {
    return stats;
  }

  /**
   * Binds and starts accepting; returns the bound address, which tells the port when 0 was asked.
   *
   * @throws StartException when the address cannot be bound, naming it and the reason
   */
  public InetSocketAddress start() throws StartException {
    ChannelFuture bound = new ServerBootstrap()
        .group(io.group())
        .channel(io.serverSocketChannel())
        .option(ChannelOption.SO_REUSEADDR, true)
        .option(ChannelOption.ALLOCATOR, BufferPool.ALLOCATOR)
        .childOption(ChannelOption.ALLOCATOR, BufferPool.ALLOCATOR)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
            new WriteBufferWaterMark(WRITE_BUFFER_LOW_BYTES, WRITE_BUFFER_HIGH_BYTES))
        .childHandler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel channel) {
            if (!counts.tryAccept(channel, config.maxPendingConnections())) {
              stats.refusedPending.increment();
              pendingWarning.warn("MQTT connection from {} closed at once: {} connections are already waiting "
                  + "for their CONNECT, the limit", channel.remoteAddress(), config.maxPendingConnections());
              channel.close();
              return;
            }
            connections.add(channel);
            tls.ifPresent(server -> channel.pipeline().addLast("tls", server.newHandler(channel.alloc())));
            framing.addTo(channel.pipeline(), config.maxMessageBytes());
            channel.pipeline().addLast("bytes", byteCounter);
            MqttPipeline.init(channel.pipeline(), config.maxMessageBytes(), connectHandler);
          }
        })
        .bind(bind.toSocketAddress())
        .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      throw new StartException(
          framing.label() + " listener cannot bind " + bind + ": " + IoLoops.bindFailure(bound.cause()), bound.cause());
    }
    server = bound.channel();
    InetSocketAddress address = (InetSocketAddress) server.localAddress();
    log.info("{}{} listener on {} ({}): {}", framing.label(), tls.isPresent() ? " TLS" : "",
        framing.where(address, tls.isPresent()), io.isEpoll() ? "epoll" : "nio",
        access.describe() + tls.map(ServerTls::describe).orElse(""));
    return address;
  }

  /**
   * Stops accepting and closes every connection; their sessions end as if the clients vanished.
   * MQTT 5 clients are told first that the server is shutting down, for as long as a second allows:
   * a client that reads nothing does not hold the shutdown up.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Channel bound = server;
    if (bound != null) {
      bound.close().syncUninterruptibly();
    }
    connections.writeAndFlush(
        MqttPackets.disconnect(MqttReasonCodes.Disconnect.SERVER_SHUTTING_DOWN, "the gateway is shutting down"),
        channel -> channel.hasAttr(ConnectHandler.SPEAKS_MQTT_5)).awaitUninterruptibly(SHUTDOWN_NOTICE.toMillis());
    connections.close().awaitUninterruptibly();
  }
}
