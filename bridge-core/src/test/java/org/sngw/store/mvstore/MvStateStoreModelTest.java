package org.sngw.store.mvstore;

import static org.assertj.core.api.Assertions.assertThat;
import static java.util.stream.Collectors.toMap;
import static org.sngw.property.PropertyCheck.forAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sngw.broker.BrokerChange;
import org.sngw.broker.ClientIdentity;
import org.sngw.broker.RestoredState;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.property.Draw;
import org.sngw.sn.gateway.TopicIdChange;
import org.sngw.store.StoredState;

/**
 * Random sequences of saves, deletes and reopens against a plain model of what the port promises.
 * Client "a" is a prefix of "ab", so deleting one's rows must not touch the other's.
 */
class MvStateStoreModelTest {
  private static final List<String> CLIENTS = List.of("a", "ab");
  private static final List<Message> MESSAGES = List.of(
      StoreFixture.message("t", "1", Qos.AT_LEAST_ONCE, false),
      StoreFixture.message("t", "2", Qos.EXACTLY_ONCE, true),
      StoreFixture.message("u/v", "", Qos.AT_MOST_ONCE, true));

  @Test
  void load_afterRandomOperations_matchesTheModel() {
    forAll(100, d -> d.list(0, 60, MvStateStoreModelTest::operation), MvStateStoreModelTest::check);
  }

  private static void check(List<Op> ops) throws IOException, StoreException {
    Path dir = Files.createTempDirectory("mvstore-model");
    Model model = new Model();
    try (StoreFixture fixture = new StoreFixture(dir)) {
      MvStateStore store = fixture.open();
      for (Op op : ops) {
        if (op instanceof Reopen) {
          assertThat(normalized(fixture.reopen(store))).isEqualTo(normalized(model.state()));
          store = fixture.open();
        } else {
          MvStateStore current = store;
          fixture.onCore(() -> op.apply(current));
          op.apply(model);
        }
      }
      assertThat(normalized(fixture.reopen(store))).isEqualTo(normalized(model.state()));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  // Sessions come and go often, so rows left behind by a delete would show in a later session.
  private static Op operation(Draw d) {
    int[] weights = {4, 3, 2, 1, 3, 2, 2, 1, 2, 1, 1, 1, 1, 1, 2, 1, 1, 2, 1, 2, 1};
    return switch (d.weighted(weights)) {
      case 0 -> new SaveSession(client(d));
      case 1 -> new DeleteSession(client(d));
      case 2 -> new SaveSubscription(client(d), filter(d), d.of(Qos.class));
      case 3 -> new DeleteSubscription(client(d), filter(d));
      case 4 -> new SaveOutbound(client(d), sequence(d), message(d));
      case 5 -> new SaveSent(client(d), sequence(d), packetId(d));
      case 6 -> new SaveReleased(client(d), sequence(d));
      case 7 -> new DeleteOutbound(client(d), sequence(d));
      case 8 -> new SaveInboundId(client(d), packetId(d));
      case 9 -> new DeleteInboundId(client(d), packetId(d));
      case 10 -> new SaveRetained(message(d));
      case 11 -> new DeleteRetained(d.of("t", "u/v"));
      case 12 -> new SaveWill(client(d), message(d), d.between(0, 100_000));
      case 13 -> new DeleteWill(client(d));
      case 14 -> new SaveTopicId(client(d), packetId(d), d.of("t", "u/v"));
      case 15 -> new DeleteTopicId(client(d), packetId(d));
      case 16 -> new DeleteTopicIds(client(d));
      case 17 -> new SaveOfflineSince(client(d), instant(d));
      case 18 -> new DeleteOfflineSince(client(d));
      case 19 -> new SaveOwner(owner(d));
      default -> new Reopen();
    };
  }

  private static String client(Draw d) {
    return d.of(CLIENTS);
  }

  private static ClientIdentity owner(Draw d) {
    return new ClientIdentity(client(d), d.of(Optional.empty(), Optional.of("alice"), Optional.of("")),
        d.of(ClientIdentity.Origin.class));
  }

  private static String filter(Draw d) {
    return d.of("x", "y/#");
  }

  private static long sequence(Draw d) {
    return d.between(-1, 2);
  }

  private static int packetId(Draw d) {
    return d.of(1, 65535);
  }

  private static Message message(Draw d) {
    return d.of(MESSAGES);
  }

  /** Nanoseconds too, which the store drops; one second before the epoch, a negative number of millis. */
  private static Instant instant(Draw d) {
    return Instant.ofEpochSecond(d.of(1_700_000_000L, -1L, 0L), d.between(0, 999_999_999));
  }

  /** Order-free form: the port promises no order of sessions, retained messages or wills. */
  private static Map<String, Object> normalized(StoredState state) {
    return Map.of(
        "sessions",
        state.broker().sessions().stream().collect(toMap(RestoredState.Session::clientId, Function.identity())),
        "retained", Set.copyOf(state.broker().retained()),
        "wills", Set.copyOf(state.broker().wills()),
        "topicIds", state.topicIds());
  }

  interface Op {
    void apply(MvStateStore store);

    void apply(Model model);
  }

  record Reopen() implements Op {
    @Override
    public void apply(MvStateStore store) {}

    @Override
    public void apply(Model model) {}
  }

  record SaveSession(String client) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.SessionSaved(client));
    }

    @Override
    public void apply(Model model) {
      model.sessions.add(client);
      model.owners.remove(client);
    }
  }

  record SaveOwner(ClientIdentity owner) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.OwnerSaved(owner));
    }

    @Override
    public void apply(Model model) {
      if (model.sessions.contains(owner.clientId())) {
        model.owners.put(owner.clientId(), owner);
      }
    }
  }

  record DeleteSession(String client) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.SessionDeleted(client));
    }

    @Override
    public void apply(Model model) {
      model.sessions.remove(client);
      model.owners.remove(client);
      model.offlineSince.remove(client);
      model.subscriptions.remove(client);
      model.outbound.remove(client);
      model.inbound.remove(client);
    }
  }

  record SaveOfflineSince(String client, Instant since) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.OfflineSinceSaved(client, since));
    }

    @Override
    public void apply(Model model) {
      model.offlineSince.put(client, since.truncatedTo(ChronoUnit.MILLIS));
    }
  }

  record DeleteOfflineSince(String client) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.OfflineSinceDeleted(client));
    }

    @Override
    public void apply(Model model) {
      model.offlineSince.remove(client);
    }
  }

  record SaveSubscription(String client, String filter, Qos qos) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.SubscriptionSaved(client, filter, qos));
    }

    @Override
    public void apply(Model model) {
      model.subscriptions.computeIfAbsent(client, c -> new HashMap<>()).put(filter, qos);
    }
  }

  record DeleteSubscription(String client, String filter) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.SubscriptionDeleted(client, filter));
    }

    @Override
    public void apply(Model model) {
      model.subscriptions.getOrDefault(client, new HashMap<>()).remove(filter);
    }
  }

  record SaveOutbound(String client, long sequence, Message message) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.OutboundSaved(client, sequence, message));
    }

    @Override
    public void apply(Model model) {
      model.outbound.computeIfAbsent(client, c -> new TreeMap<>())
          .put(sequence, new RestoredState.Outbound(sequence, message, 0, false));
    }
  }

  record SaveSent(String client, long sequence, int packetId) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.Sent(client, sequence, packetId));
    }

    @Override
    public void apply(Model model) {
      model.outbound.getOrDefault(client, new TreeMap<>()).computeIfPresent(sequence,
          (s, o) -> new RestoredState.Outbound(s, o.message(), packetId, o.released()));
    }
  }

  record SaveReleased(String client, long sequence) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.Released(client, sequence));
    }

    @Override
    public void apply(Model model) {
      model.outbound.getOrDefault(client, new TreeMap<>()).computeIfPresent(sequence,
          (s, o) -> new RestoredState.Outbound(s, o.message(), o.packetId(), true));
    }
  }

  record DeleteOutbound(String client, long sequence) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.OutboundDeleted(client, sequence));
    }

    @Override
    public void apply(Model model) {
      model.outbound.getOrDefault(client, new TreeMap<>()).remove(sequence);
    }
  }

  record SaveInboundId(String client, int packetId) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.InboundIdSaved(client, packetId));
    }

    @Override
    public void apply(Model model) {
      model.inbound.computeIfAbsent(client, c -> new HashSet<>()).add(packetId);
    }
  }

  record DeleteInboundId(String client, int packetId) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.InboundIdDeleted(client, packetId));
    }

    @Override
    public void apply(Model model) {
      model.inbound.getOrDefault(client, new HashSet<>()).remove(packetId);
    }
  }

  record SaveRetained(Message message) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.RetainedSaved(message));
    }

    @Override
    public void apply(Model model) {
      model.retained.put(message.topic(), message);
    }
  }

  record DeleteRetained(String topic) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.RetainedDeleted(topic));
    }

    @Override
    public void apply(Model model) {
      model.retained.remove(topic);
    }
  }

  record SaveWill(String client, Message will, long keepAliveMillis) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.WillSaved(client, will, Duration.ofMillis(keepAliveMillis)));
    }

    @Override
    public void apply(Model model) {
      model.wills.put(client, new RestoredState.Will(client, will, Duration.ofMillis(keepAliveMillis)));
    }
  }

  record DeleteWill(String client) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new BrokerChange.WillDeleted(client));
    }

    @Override
    public void apply(Model model) {
      model.wills.remove(client);
    }
  }

  record SaveTopicId(String client, int topicId, String topicName) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new TopicIdChange.Saved(client, topicId, topicName));
    }

    @Override
    public void apply(Model model) {
      model.topicIds.computeIfAbsent(client, c -> new HashMap<>()).put(topicId, topicName);
    }
  }

  record DeleteTopicId(String client, int topicId) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new TopicIdChange.Deleted(client, topicId));
    }

    @Override
    public void apply(Model model) {
      Map<Integer, String> ids = model.topicIds.get(client);
      if (ids != null) {
        ids.remove(topicId);
        if (ids.isEmpty()) {
          model.topicIds.remove(client);
        }
      }
    }
  }

  record DeleteTopicIds(String client) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.write(new TopicIdChange.AllDeleted(client));
    }

    @Override
    public void apply(Model model) {
      model.topicIds.remove(client);
    }
  }

  /** What the port promises to keep, in plain collections. */
  static final class Model {
    final Set<String> sessions = new HashSet<>();
    final Map<String, ClientIdentity> owners = new HashMap<>();
    final Map<String, Instant> offlineSince = new HashMap<>();
    final Map<String, Map<String, Qos>> subscriptions = new HashMap<>();
    final Map<String, TreeMap<Long, RestoredState.Outbound>> outbound = new HashMap<>();
    final Map<String, Set<Integer>> inbound = new HashMap<>();
    final Map<String, Message> retained = new HashMap<>();
    final Map<String, RestoredState.Will> wills = new HashMap<>();
    final Map<String, Map<Integer, String>> topicIds = new HashMap<>();

    StoredState state() {
      List<RestoredState.Session> sessionList = sessions.stream()
          .map(client -> new RestoredState.Session(client,
              subscriptions.getOrDefault(client, Map.of()),
              List.copyOf(outbound.getOrDefault(client, new TreeMap<>()).values()),
              inbound.getOrDefault(client, Set.of()),
              Optional.ofNullable(offlineSince.get(client)),
              Optional.ofNullable(owners.get(client))))
          .toList();
      Map<String, Map<Integer, String>> ids = topicIds.entrySet().stream()
          .filter(e -> !e.getValue().isEmpty())
          .collect(toMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
      return new StoredState(
          new RestoredState(sessionList, List.copyOf(retained.values()), List.copyOf(wills.values())), ids);
    }
  }
}
