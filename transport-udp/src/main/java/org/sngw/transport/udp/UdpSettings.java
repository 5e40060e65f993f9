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
 */
public record UdpSettings(ListenAddress bind, Optional<ListenAddress> broadcast) implements TransportPlan {
  /** On all interfaces, at the MQTT-SN port the Paho gateway also uses. */
  public static final ListenAddress DEFAULT_BIND = new ListenAddress("0.0.0.0", 1884);

  public UdpSettings {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(broadcast, "broadcast");
  }

  /** Listening on {@code bind}, broadcasting nothing. */
  public static UdpSettings on(ListenAddress bind) {
    return new UdpSettings(bind, Optional.empty());
  }

  public UdpSettings withBind(ListenAddress newBind) {
    return new UdpSettings(newBind, broadcast);
  }

  public UdpSettings withBroadcast(Optional<ListenAddress> newBroadcast) {
    return new UdpSettings(bind, newBroadcast);
  }

  /** @throws TransportException when the broadcast target's host name does not resolve */
  @Override
  public Transport open(TransportContext context) throws TransportException {
    UdpTransportConfig config = UdpTransportConfig.of(bind);
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
