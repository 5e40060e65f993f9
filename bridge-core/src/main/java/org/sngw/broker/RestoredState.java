package org.sngw.broker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/** What a {@link BrokerStore} kept, as read back at start for the broker to rebuild. */
public record RestoredState(List<Session> sessions, List<Message> retained, List<Will> wills) {
  public RestoredState {
    sessions = List.copyOf(sessions);
    retained = List.copyOf(retained);
    wills = List.copyOf(wills);
  }

  public static RestoredState empty() {
    return new RestoredState(List.of(), List.of(), List.of());
  }

  /**
   * A persistent session; {@code outbound} is in sequence order.
   *
   * @param offlineSince since when it had no connection, to the millisecond; empty if it was
   *     connected when the gateway stopped, or nothing was recorded
   * @param owner who last held it; empty if the store was written before owners were kept
   */
  public record Session(
      String clientId,
      Map<String, Qos> subscriptions,
      List<Outbound> outbound,
      Set<Integer> inboundIds,
      Optional<Instant> offlineSince,
      Optional<ClientIdentity> owner,
      Map<String, DeliveryOptions> subscriptionOptions) {
    /** A session whose subscriptions have no MQTT 5 delivery options. */
    public Session(String clientId, Map<String, Qos> subscriptions, List<Outbound> outbound, Set<Integer> inboundIds,
        Optional<Instant> offlineSince, Optional<ClientIdentity> owner) {
      this(clientId, subscriptions, outbound, inboundIds, offlineSince, owner, Map.of());
    }

    public Session {
      subscriptions = Map.copyOf(subscriptions);
      subscriptionOptions = Map.copyOf(subscriptionOptions);
      outbound = List.copyOf(outbound);
      inboundIds = Set.copyOf(inboundIds);
      Objects.requireNonNull(offlineSince, "offlineSince");
      if (owner.isPresent() && !owner.get().clientId().equals(clientId)) {
        throw new IllegalArgumentException("session " + clientId + " owned by " + owner.get().clientId());
      }
    }
  }

  /**
   * An outgoing message of a persistent session.
   *
   * @param packetId the id it went out under, 0 if it was still queued
   * @param released true when the client's PUBREC had come (QoS 2)
   */
  public record Outbound(long sequence, Message message, int packetId, boolean released) {}

  /** The will of a client that was connected when the gateway stopped. */
  public record Will(String clientId, Message message, Duration keepAlive) {}
}
