package org.sngw.transport.udp;

import java.util.List;
import java.util.Optional;
import org.sngw.config.ConfigValues;
import org.sngw.config.ListenAddress;
import org.sngw.config.TransportPlan;
import org.sngw.config.TransportProvider;
import org.sngw.config.YamlSection;

/**
 * Reads {@code udp: HOST:PORT} and {@code udp-broadcast: HOST:PORT} from the top level of the
 * config file. UDP runs by default, on {@link UdpSettings#DEFAULT_BIND}.
 */
public final class UdpTransportProvider implements TransportProvider {
  @Override
  public List<TransportPlan> read(YamlSection root) {
    return List.of(new UdpSettings(
        root.value("udp", UdpSettings.DEFAULT_BIND, ListenAddress::parse),
        root.value("udp-broadcast", Optional.empty(), text -> Optional.of(ConfigValues.destination(text)))));
  }
}
