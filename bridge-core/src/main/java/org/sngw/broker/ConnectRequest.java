package org.sngw.broker;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.sngw.message.Message;

/**
 * A client attaching to its broker session.
 *
 * @param keepAlive the client's keep-alive; zero for none. After a crash, a stored will fires when
 *     the client has not come back within 1.5 times this
 * @param inflightWindow how many QoS 1/2 deliveries may await acknowledgement at once; MQTT-SN
 *     sensors take 1, MQTT clients more
 * @param options what sets an internal client (the upstream bridge) apart from ordinary ones
 * @param username what the client logged in as, for {@link TopicAccess}; empty for none
 */
public record ConnectRequest(
    String clientId,
    boolean cleanSession,
    Optional<Message> will,
    Duration keepAlive,
    int inflightWindow,
    SessionOptions options,
    Optional<String> username) {
  public ConnectRequest {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(will, "will");
    Objects.requireNonNull(keepAlive, "keepAlive");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(username, "username");
    if (clientId.isEmpty()) {
      throw new IllegalArgumentException("client id is empty");
    }
    if (inflightWindow < 1 || inflightWindow > 0xFFFF) {
      throw new IllegalArgumentException("inflight window out of range: " + inflightWindow);
    }
  }

  /** An ordinary client: MQTT or MQTT-SN. */
  public ConnectRequest(
      String clientId, boolean cleanSession, Optional<Message> will, Duration keepAlive, int inflightWindow) {
    this(clientId, cleanSession, will, keepAlive, inflightWindow, SessionOptions.ORDINARY, Optional.empty());
  }

  public ClientIdentity identity() {
    return new ClientIdentity(clientId, username);
  }
}
