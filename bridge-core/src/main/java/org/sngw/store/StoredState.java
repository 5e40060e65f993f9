package org.sngw.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/** Everything a {@link StateStore} kept, as read back at start. */
public record StoredState(
    List<Session> sessions, List<Message> retained, List<Will> wills, Map<String, Map<Integer, String>> topicIds) {
  public StoredState {
    sessions = List.copyOf(sessions);
    retained = List.copyOf(retained);
    wills = List.copyOf(wills);
    topicIds = Map.copyOf(topicIds);
  }

  public static StoredState empty() {
    return new StoredState(List.of(), List.of(), List.of(), Map.of());
  }

  /**
   * A persistent session; {@code outbound} is in sequence order.
   *
   * @param offlineSince since when it had no connection, to the millisecond; empty if it was
   *     connected when the gateway stopped, or nothing was recorded
   */
  public record Session(
      String clientId,
      Map<String, Qos> subscriptions,
      List<Outbound> outbound,
      Set<Integer> inboundIds,
      Optional<Instant> offlineSince) {
    public Session {
      subscriptions = Map.copyOf(subscriptions);
      outbound = List.copyOf(outbound);
      inboundIds = Set.copyOf(inboundIds);
      Objects.requireNonNull(offlineSince, "offlineSince");
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
