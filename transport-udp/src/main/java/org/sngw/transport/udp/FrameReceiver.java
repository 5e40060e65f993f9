package org.sngw.transport.udp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;
import org.sngw.transport.UdpPeer;

/**
 * Hands each datagram to the listener on the I/O thread, without a copy: the listener copies what
 * it keeps, and the buffer goes back to the pool as soon as the call returns.
 */
final class FrameReceiver extends SimpleChannelInboundHandler<DatagramPacket> {
  private static final Logger log = LoggerFactory.getLogger(FrameReceiver.class);

  private final TransportListener listener;
  private final TransportStats stats;

  FrameReceiver(TransportListener listener, TransportStats stats) {
    super(DatagramPacket.class, true);
    this.listener = Objects.requireNonNull(listener, "listener");
    this.stats = stats;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    stats.received().increment();
    try {
      listener.onFrame(new UdpPeer(packet.sender()), packet.content().nioBuffer());
    } catch (RuntimeException e) {
      // A listener bug on one frame must not take the socket away from every other sensor.
      stats.listenerErrors().increment();
      log.debug("UDP listener failed on a frame from {}", packet.sender(), e);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Handled here so the channel stays open and Netty does not log it as unhandled.
    log.warn("UDP error on {}: {}", ctx.channel().localAddress(), cause.toString());
  }
}
