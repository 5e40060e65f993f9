package org.sngw.runtime;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Netty I/O threads shared by the network listeners: native epoll on Linux (x86-64 and the Pi's
 * aarch64), NIO anywhere else or when the native library cannot load.
 */
public final class IoLoops implements AutoCloseable {
  private final EventLoopGroup group;
  private final boolean epoll;

  private IoLoops(EventLoopGroup group, boolean epoll) {
    this.group = group;
    this.epoll = epoll;
  }

  public static IoLoops create(int threads) {
    return create("sngw-io", threads);
  }

  /** Threads of their own, named for what they serve, for a listener that must not share the others'. */
  public static IoLoops create(String threadName, int threads) {
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory handlers = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    return new IoLoops(
        new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(threadName, false), handlers), epoll);
  }

  /** Why Netty's native epoll did not load, in its own words; for the log line of a NIO start. */
  public static String whyNotEpoll() {
    Throwable cause = Epoll.unavailabilityCause();
    return cause == null ? "it is available" : String.valueOf(cause.getMessage());
  }

  public EventLoopGroup group() {
    return group;
  }

  public boolean isEpoll() {
    return epoll;
  }

  public Class<? extends ServerSocketChannel> serverSocketChannel() {
    return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  public Class<? extends DatagramChannel> datagramChannel() {
    return epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
  }

  /**
   * Why a bind failed, in a few words: native epoll says "bind(..) failed with error(-98): Address
   * already in use", NIO "Address already in use"; both become the latter.
   */
  public static String bindFailure(Throwable cause) {
    String message = cause.getMessage();
    if (message == null) {
      return cause.getClass().getSimpleName();
    }
    int colon = message.lastIndexOf(": ");
    return colon >= 0 ? message.substring(colon + 2) : message;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
