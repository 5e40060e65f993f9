package org.sngw.store.mvstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.sngw.broker.ClientIdentity;
import org.sngw.broker.DeliveryOptions;
import org.sngw.broker.RestoredState;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.store.StoredState;

/**
 * Reads all maps into a {@link StoredState}. Rows of a client without a session marker are left
 * out: only a deleted session removes them, so there are none unless the file was edited.
 */
final class StateReader {
  private final StateMaps maps;
  private final Map<String, SessionRows> sessions = new LinkedHashMap<>();

  StateReader(StateMaps maps) {
    this.maps = maps;
  }

  /** @throws ValueFormatException if a key or value does not decode */
  StoredState read() {
    maps.sessions.forEach((clientId, owner) -> sessions.put(clientId, new SessionRows(OwnerValue.decode(clientId, owner))));
    maps.offlineSince.forEach((clientId, value) -> {
      SessionRows rows = sessions.get(clientId);
      if (rows != null) {
        rows.offlineSince = Optional.of(instant(value));
      }
    });
    forEachOfSession(maps.subscriptions, (rows, entry) -> {
      String filter = Keys.restOf(entry.getKey());
      SubscriptionValue.Read subscription = SubscriptionValue.decode(entry.getValue());
      rows.subscriptions.put(filter, subscription.qos());
      if (!subscription.options().isPlain()) {
        rows.subscriptionOptions.put(filter, subscription.options());
      }
    });
    forEachOfSession(maps.outbound, (rows, entry) -> {
      OutboundValue value = OutboundValue.decode(entry.getValue());
      rows.outbound.add(new RestoredState.Outbound(
          Keys.sequenceOf(entry.getKey()), value.message(), value.packetId(), value.released()));
    });
    forEachOfSession(maps.inbound, (rows, entry) -> rows.inboundIds.add(Keys.shortIdOf(entry.getKey())));
    return new StoredState(new RestoredState(sessionList(), retained(), wills()), topicIds());
  }

  private void forEachOfSession(Map<String, byte[]> map, BiConsumer<SessionRows, Map.Entry<String, byte[]>> action) {
    for (Map.Entry<String, byte[]> entry : map.entrySet()) {
      SessionRows rows = sessions.get(Keys.clientOf(entry.getKey()));
      if (rows != null) {
        action.accept(rows, entry);
      }
    }
  }

  private List<RestoredState.Session> sessionList() {
    List<RestoredState.Session> list = new ArrayList<>(sessions.size());
    // keys are in sequence order within a client, so outbound lists are already sorted
    sessions.forEach((clientId, rows) -> list.add(new RestoredState.Session(
        clientId, rows.subscriptions, rows.outbound, rows.inboundIds, rows.offlineSince, rows.owner,
        rows.subscriptionOptions)));
    return list;
  }

  private List<Message> retained() {
    List<Message> list = new ArrayList<>(maps.retained.size());
    maps.retained.forEach((topic, value) -> {
      Message message = MessageCodec.decode(value);
      if (!message.topic().equals(topic)) {
        throw new ValueFormatException("retained message under '" + topic + "' has topic '" + message.topic() + "'");
      }
      list.add(message);
    });
    return list;
  }

  private List<RestoredState.Will> wills() {
    List<RestoredState.Will> list = new ArrayList<>(maps.wills.size());
    maps.wills.forEach((clientId, value) -> {
      WillValue will = WillValue.decode(value);
      list.add(new RestoredState.Will(clientId, will.message(), will.keepAlive()));
    });
    return list;
  }

  private Map<String, Map<Integer, String>> topicIds() {
    Map<String, Map<Integer, String>> byClient = new HashMap<>();
    maps.topicIds.forEach((key, topicName) ->
        byClient.computeIfAbsent(Keys.clientOf(key), k -> new HashMap<>()).put(Keys.shortIdOf(key), topicName));
    byClient.replaceAll((clientId, ids) -> Map.copyOf(ids));
    return byClient;
  }

  private static Instant instant(byte[] value) {
    ValueReader in = new ValueReader(value);
    long epochMillis = in.readVarLong();
    in.expectEnd();
    return Instant.ofEpochMilli(epochMillis);
  }

  private static final class SessionRows {
    final Map<String, Qos> subscriptions = new HashMap<>();
    final Map<String, DeliveryOptions> subscriptionOptions = new HashMap<>();
    final List<RestoredState.Outbound> outbound = new ArrayList<>();
    final Set<Integer> inboundIds = new HashSet<>();
    final Optional<ClientIdentity> owner;
    Optional<Instant> offlineSince = Optional.empty();

    SessionRows(Optional<ClientIdentity> owner) {
      this.owner = owner;
    }
  }
}
