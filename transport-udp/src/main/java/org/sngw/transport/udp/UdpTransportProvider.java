package org.sngw.transport.udp;

import java.util.List;
import java.util.Optional;
import org.sngw.config.ConfigValues;
import org.sngw.config.ListenAddress;
import org.sngw.config.TransportPlan;
import org.sngw.config.TransportProvider;
import org.sngw.config.YamlSection;

/**
 * Reads {@code udp: HOST:PORT}, {@code udp-broadcast: HOST:PORT} and {@code udp-receive-buffer:
 * SIZE} from the top level of the config file. UDP runs by default, on {@link
 * UdpSettings#DEFAULT_BIND}.
 */
public final class UdpTransportProvider implements TransportProvider {
  @Override
  public List<TransportPlan> read(YamlSection root) {
    return List.of(new UdpSettings(
        root.value("udp", UdpSettings.DEFAULT_BIND, ListenAddress::parse),
        root.value("udp-broadcast", Optional.empty(), text -> Optional.of(ConfigValues.destination(text))),
        root.value("udp-receive-buffer", UdpTransportConfig.DEFAULT_RECEIVE_BUFFER_BYTES,
            UdpTransportProvider::receiveBuffer)));
  }

  private static int receiveBuffer(String text) {
    long size = ConfigValues.size(text);
    if (size < UdpSettings.MIN_RECEIVE_BUFFER_BYTES || size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("must be 64KiB..2047MiB, was " + text);
    }
    return (int) size;
  }
}
