package org.sngw.transport.udp;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import org.sngw.config.ListenAddress;
import org.sngw.config.TransportPlan;
import org.sngw.runtime.TransportContext;
import org.sngw.transport.Transport;
import org.sngw.transport.TransportException;

/**
 * MQTT-SN over UDP as the config file or the command line gives it.
 *
 * @param bind where to listen; port 0 takes any free port
 * @param broadcast where ADVERTISE goes; empty (the default) for nowhere, so the gateway only replies
 * @param receiveBufferBytes the socket receive buffer asked of the kernel: what it holds is what a
 *     burst can outrun the gateway by before datagrams are dropped
 */
public record UdpSettings(ListenAddress bind, Optional<ListenAddress> broadcast, int receiveBufferBytes)
    implements TransportPlan {
  /** On all interfaces, at the MQTT-SN port the Paho gateway also uses. */
  public static final ListenAddress DEFAULT_BIND = new ListenAddress("0.0.0.0", 1884);

  public UdpSettings {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(broadcast, "broadcast");
    if (receiveBufferBytes < MIN_RECEIVE_BUFFER_BYTES) {
      throw new IllegalArgumentException("receiveBufferBytes must be at least " + MIN_RECEIVE_BUFFER_BYTES);
    }
  }

  /** Room for one datagram of the largest size: less could not take it in at all. */
  public static final int MIN_RECEIVE_BUFFER_BYTES = 64 * 1024;

  /** Listening on {@code bind}, broadcasting nothing, with the default receive buffer. */
  public static UdpSettings on(ListenAddress bind) {
    return new UdpSettings(bind, Optional.empty(), UdpTransportConfig.DEFAULT_RECEIVE_BUFFER_BYTES);
  }

  public UdpSettings withBind(ListenAddress newBind) {
    return new UdpSettings(newBind, broadcast, receiveBufferBytes);
  }

  public UdpSettings withBroadcast(Optional<ListenAddress> newBroadcast) {
    return new UdpSettings(bind, newBroadcast, receiveBufferBytes);
  }

  /** @throws TransportException when the broadcast target's host name does not resolve */
  @Override
  public Transport open(TransportContext context) throws TransportException {
    UdpTransportConfig config = UdpTransportConfig.of(bind).withReceiveBufferBytes(receiveBufferBytes);
    if (broadcast.isPresent()) {
      InetSocketAddress target = broadcast.get().toSocketAddress();
      if (target.isUnresolved()) {
        throw new TransportException("UDP broadcast target " + broadcast.get() + ": unknown host");
      }
      config = config.withBroadcastTarget(target);
    }
    return new UdpTransport(config, context.io());
  }
}
