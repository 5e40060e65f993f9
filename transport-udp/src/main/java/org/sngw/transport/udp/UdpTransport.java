package org.sngw.transport.udp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.config.ListenAddress;
import org.sngw.runtime.BufferPool;
import org.sngw.runtime.IoLoops;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;
import org.sngw.transport.TransportException;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;
import org.sngw.transport.UdpPeer;

/**
 * MQTT-SN over UDP, one Netty datagram channel on the shared I/O loops. Frames reach the listener
 * on the I/O thread; {@link #send} and {@link #broadcast} may be called from any thread and never
 * block. Sends nothing it was not asked to: no broadcast unless a target is configured.
 */
public final class UdpTransport implements Transport {
  private static final Logger log = LoggerFactory.getLogger(UdpTransport.class);

  private final UdpTransportConfig config;
  private final IoLoops ioLoops;
  private final TransportStats stats = new TransportStats("udp", Optional.empty());
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean warnedWrongPeer = new AtomicBoolean();
  private volatile Running running;

  /** What exists once the socket is bound. */
  private record Running(Channel channel, InetSocketAddress address, SendQueue sends, int receiveBufferBytes) {}

  public UdpTransport(UdpTransportConfig config, IoLoops ioLoops) {
    this.config = Objects.requireNonNull(config, "config");
    this.ioLoops = Objects.requireNonNull(ioLoops, "ioLoops");
  }

  @Override
  public String name() {
    return "udp";
  }

  @Override
  public void start(TransportListener listener) throws TransportException {
    Objects.requireNonNull(listener, "listener");
    if (closed.get()) {
      throw new IllegalStateException("udp transport is closed");
    }
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("udp transport is already started");
    }
    Channel bound = bind(new FrameReceiver(listener, stats));
    running = new Running(
        bound,
        (InetSocketAddress) bound.localAddress(),
        new SendQueue(bound, config.sendQueueCapacity(), stats),
        grantedReceiveBuffer(bound));
    if (closed.get()) {
      // close() ran while we were binding and did not see the channel yet.
      bound.close();
      return;
    }
    logStarted(bound);
  }

  private Channel bind(FrameReceiver receiver) throws TransportException {
    InetSocketAddress address = config.bind().toSocketAddress();
    if (address.isUnresolved()) {
      throw new TransportException(cannotBind("unknown host"));
    }
    SocketProtocolFamily family = familyOf(address.getAddress());
    if (family == SocketProtocolFamily.INET && config.broadcastTarget().map(t -> t.getAddress() instanceof Inet6Address)
        .orElse(false)) {
      throw new TransportException("UDP cannot broadcast to " + format(config.broadcastTarget().get())
          + " from an IPv4 socket (" + config.bind() + ")");
    }
    ChannelFuture bound = new Bootstrap()
        .group(ioLoops.group())
        .channelFactory(channelFactory(family))
        .option(ChannelOption.ALLOCATOR, BufferPool.ALLOCATOR)
        .option(ChannelOption.SO_RCVBUF, config.receiveBufferBytes())
        .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(config.maxFrameSize()))
        .option(ChannelOption.SO_BROADCAST, canBroadcast())
        .handler(receiver)
        .bind(address)
        .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      throw new TransportException(cannotBind(reason(bound.cause())), bound.cause());
    }
    return bound.channel();
  }

  /**
   * The socket's family follows the bind address. Left to itself, Netty opens an IPv6 socket even
   * for 0.0.0.0, which then also listens on IPv6 and broadcasts through IPv4-mapped addresses; an
   * IPv4 address gets a plain IPv4 socket instead. An IPv6 address, "::" included, stays dual-stack.
   */
  static SocketProtocolFamily familyOf(InetAddress address) {
    return address instanceof Inet4Address ? SocketProtocolFamily.INET : SocketProtocolFamily.INET6;
  }

  private ChannelFactory<DatagramChannel> channelFactory(SocketProtocolFamily family) {
    return ioLoops.isEpoll() ? () -> new EpollDatagramChannel(family) : () -> new NioDatagramChannel(family);
  }

  private String cannotBind(String reason) {
    return "UDP cannot bind " + config.bind() + ": " + reason;
  }

  /**
   * The OS reason alone: NIO says "Address already in use", epoll "bind(..) failed with
   * error(-98): Address already in use".
   */
  private static String reason(Throwable cause) {
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.getClass().getSimpleName();
    }
    int colon = message.lastIndexOf(": ");
    return message.contains("(..) failed") && colon >= 0 ? message.substring(colon + 2) : message;
  }

  private void logStarted(Channel bound) {
    int granted = running.receiveBufferBytes();
    log.info("UDP listening on {} with {}, receive buffer {} bytes granted of {} asked, {}",
        format(boundAddress()),
        ioLoops.isEpoll() ? "epoll" : "NIO",
        granted,
        config.receiveBufferBytes(),
        config.broadcastTarget().map(t -> "broadcast to " + format(t)).orElse("no broadcast"));
    smallBufferWarning(granted, config.receiveBufferBytes()).ifPresent(log::warn);
  }

  private int grantedReceiveBuffer(Channel bound) {
    int reported = bound.config().getOption(ChannelOption.SO_RCVBUF);
    // Linux reports twice the size granted (room for its bookkeeping); the JDK halves it back for
    // NIO, epoll passes it through.
    return ioLoops.isEpoll() ? reported / 2 : reported;
  }

  /** What to tell the operator when the kernel granted less receive buffer than asked: its cap, net.core.rmem_max, is lower. */
  static Optional<String> smallBufferWarning(int granted, int asked) {
    if (granted >= asked) {
      return Optional.empty();
    }
    return Optional.of(String.format("UDP receive buffer is %d bytes, less than the %d asked: a burst of sensor "
        + "datagrams beyond it is dropped by the kernel. Raise its cap: sysctl -w net.core.rmem_max=%d, and "
        + "net.core.rmem_max=%d in /etc/sysctl.d/60-sngw.conf to keep it", granted, asked, asked, asked));
  }

  /** The receive buffer the kernel granted, which its net.core.rmem_max may have cut; 0 before start. */
  public int receiveBufferBytes() {
    Running now = running;
    return now == null ? 0 : now.receiveBufferBytes();
  }

  private static String format(InetSocketAddress address) {
    return new ListenAddress(address.getAddress().getHostAddress(), address.getPort()).toString();
  }

  /** The address actually bound, with the real port when port 0 was asked. */
  public InetSocketAddress boundAddress() {
    Running now = running;
    if (now == null) {
      throw new IllegalStateException("udp transport is not started");
    }
    return now.address();
  }

  @Override
  public void send(PeerAddress to, ByteBuffer frame) {
    if (to instanceof UdpPeer udp) {
      enqueue(udp.socket(), frame);
      return;
    }
    stats.dropped().increment();
    if (warnedWrongPeer.compareAndSet(false, true)) {
      log.warn("UDP transport cannot reach {}: frames to non-UDP peers are dropped (a wiring bug)", to);
    }
  }

  @Override
  public boolean canBroadcast() {
    return config.broadcastTarget().isPresent();
  }

  @Override
  public void broadcast(ByteBuffer frame) {
    config.broadcastTarget().ifPresentOrElse(
        target -> enqueue(target, frame),
        () -> drop("no broadcast target is configured"));
  }

  private void enqueue(InetSocketAddress to, ByteBuffer frame) {
    Running now = running;
    if (now == null || closed.get()) {
      drop("the transport is not running");
    } else if (frame.remaining() > config.maxFrameSize()) {
      drop("a frame of " + frame.remaining() + " bytes exceeds maxFrameSize");
    } else {
      now.sends().offer(to, frame);
    }
  }

  private void drop(String why) {
    stats.dropped().increment();
    log.debug("UDP dropped a frame: {}", why);
  }

  @Override
  public int maxFrameSize() {
    return config.maxFrameSize();
  }

  @Override
  public TransportStats stats() {
    return stats;
  }

  @Override
  public Optional<InetSocketAddress> localAddress() {
    return Optional.ofNullable(running).map(Running::address);
  }

  /** Closes the socket; the shared I/O loops stay up. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Running now = running;
    if (now == null) {
      return;
    }
    ChannelFuture closing = now.channel().close();
    if (!now.channel().eventLoop().inEventLoop()) {
      closing.awaitUninterruptibly();
    }
    log.info("UDP stopped listening on {}", format(now.address()));
  }
}
