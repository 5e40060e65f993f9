package org.sngw.broker;

import java.util.Objects;
import java.util.Optional;

/**
 * A client attaching to its broker session.
 *
 * @param inflightWindow how many QoS 1/2 deliveries may await acknowledgement at once; MQTT-SN
 *     sensors take 1, MQTT clients more
 */
public record ConnectRequest(String clientId, boolean cleanSession, Optional<Message> will, int inflightWindow) {
  public ConnectRequest {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(will, "will");
    if (clientId.isEmpty()) {
      throw new IllegalArgumentException("client id is empty");
    }
    if (inflightWindow < 1 || inflightWindow > 0xFFFF) {
      throw new IllegalArgumentException("inflight window out of range: " + inflightWindow);
    }
  }
}
