package org.sngw.broker;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a client is, for access rules: its client id, and the username it logged in with (MQTT
 * clients with a password file; MQTT-SN sensors have none).
 */
public record ClientIdentity(String clientId, Optional<String> username) {
  public ClientIdentity {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(username, "username");
  }
}
