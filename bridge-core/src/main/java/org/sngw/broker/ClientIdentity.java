package org.sngw.broker;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a client is, for access rules and session take-over: its client id, the username it logged
 * in with (MQTT clients with a password file or a certificate; MQTT-SN sensors have none), and
 * which kind of listener it came through.
 */
public record ClientIdentity(String clientId, Optional<String> username, Origin origin) {
  /** The kind of listener a client came through. */
  public enum Origin { MQTT, MQTT_SN, GATEWAY }

  public ClientIdentity {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(origin, "origin");
  }

  /**
   * Whether a client of this identity may take over a session last held by {@code holder}: the
   * same user through the same kind of listener. A TCP client cannot take a sensor's session, nor
   * one user another's.
   */
  public boolean mayTakeOver(ClientIdentity holder) {
    return origin == holder.origin && username.equals(holder.username);
  }
}
