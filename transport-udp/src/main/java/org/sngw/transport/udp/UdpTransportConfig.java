package org.sngw.transport.udp;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import org.sngw.config.ListenAddress;

/**
 * Settings of the UDP transport.
 *
 * @param bind where to listen; IPv4 and IPv6 literals both work, port 0 takes any free port
 * @param broadcastTarget where ADVERTISE and GWINFO go; empty (the default) means the gateway
 *     broadcasts nothing and the socket gets no {@code SO_BROADCAST}
 * @param receiveBufferBytes the {@code SO_RCVBUF} asked of the kernel, large so that a burst of
 *     sensor datagrams waits in the socket instead of being dropped there
 * @param maxFrameSize the largest datagram read or sent in one piece
 * @param sendQueueCapacity frames that may wait for the I/O thread before further sends are dropped
 */
public record UdpTransportConfig(
    ListenAddress bind,
    Optional<InetSocketAddress> broadcastTarget,
    int receiveBufferBytes,
    int maxFrameSize,
    int sendQueueCapacity) {

  public static final int DEFAULT_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;
  /** The largest UDP payload over IPv4: 65,535 less the IP and UDP headers. */
  public static final int MAX_DATAGRAM = 65_507;
  public static final int DEFAULT_SEND_QUEUE_CAPACITY = 1_024;

  public UdpTransportConfig {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(broadcastTarget, "broadcastTarget");
    if (broadcastTarget.filter(InetSocketAddress::isUnresolved).isPresent()) {
      throw new IllegalArgumentException("broadcastTarget is unresolved: " + broadcastTarget.get());
    }
    if (receiveBufferBytes <= 0) {
      throw new IllegalArgumentException("receiveBufferBytes must be positive: " + receiveBufferBytes);
    }
    if (maxFrameSize < 1 || maxFrameSize > MAX_DATAGRAM) {
      throw new IllegalArgumentException("maxFrameSize must be 1.." + MAX_DATAGRAM + ": " + maxFrameSize);
    }
    if (sendQueueCapacity <= 0) {
      throw new IllegalArgumentException("sendQueueCapacity must be positive: " + sendQueueCapacity);
    }
  }

  /** Listens on {@code bind} with the defaults and no broadcast. */
  public static UdpTransportConfig of(ListenAddress bind) {
    return new UdpTransportConfig(
        bind, Optional.empty(), DEFAULT_RECEIVE_BUFFER_BYTES, MAX_DATAGRAM, DEFAULT_SEND_QUEUE_CAPACITY);
  }

  public UdpTransportConfig withBroadcastTarget(InetSocketAddress target) {
    return new UdpTransportConfig(
        bind, Optional.of(target), receiveBufferBytes, maxFrameSize, sendQueueCapacity);
  }

  public UdpTransportConfig withReceiveBufferBytes(int bytes) {
    return new UdpTransportConfig(bind, broadcastTarget, bytes, maxFrameSize, sendQueueCapacity);
  }
}
