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
 * @param username what the client logged in as, for {@link AccessRules}; empty for none
 * @param origin the kind of listener the client came through
 * @param willDelay MQTT 5's Will Delay Interval: a persistent session's will waits this long after
 *     the connection is lost, and is not published if the client is back by then; zero for at once
 */
public record ConnectRequest(
    String clientId,
    boolean cleanSession,
    Optional<Message> will,
    Duration keepAlive,
    int inflightWindow,
    SessionOptions options,
    Optional<String> username,
    ClientIdentity.Origin origin,
    Duration willDelay) {
  public ConnectRequest {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(will, "will");
    Objects.requireNonNull(keepAlive, "keepAlive");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(willDelay, "willDelay");
    if (clientId.isEmpty()) {
      throw new IllegalArgumentException("client id is empty");
    }
    if (inflightWindow < 1 || inflightWindow > 0xFFFF) {
      throw new IllegalArgumentException("inflight window out of range: " + inflightWindow);
    }
  }

  /** Without a will delay. */
  public ConnectRequest(String clientId, boolean cleanSession, Optional<Message> will, Duration keepAlive,
      int inflightWindow, SessionOptions options, Optional<String> username, ClientIdentity.Origin origin) {
    this(clientId, cleanSession, will, keepAlive, inflightWindow, options, username, origin, Duration.ZERO);
  }

  /** An ordinary anonymous MQTT client. */
  public ConnectRequest(
      String clientId, boolean cleanSession, Optional<Message> will, Duration keepAlive, int inflightWindow) {
    this(clientId, cleanSession, will, keepAlive, inflightWindow, SessionOptions.ORDINARY, Optional.empty(),
        ClientIdentity.Origin.MQTT);
  }

  /** An MQTT-SN sensor, known by its client id alone. */
  public static ConnectRequest sensor(
      String clientId, boolean cleanSession, Optional<Message> will, Duration keepAlive, int inflightWindow) {
    return new ConnectRequest(clientId, cleanSession, will, keepAlive, inflightWindow, SessionOptions.ORDINARY,
        Optional.empty(), ClientIdentity.Origin.MQTT_SN);
  }

  public ConnectRequest withCleanSession(boolean clean) {
    return new ConnectRequest(clientId, clean, will, keepAlive, inflightWindow, options, username, origin, willDelay);
  }

  public ClientIdentity identity() {
    return new ClientIdentity(clientId, username, origin);
  }
}
