package org.sngw.store.mvstore;

import static org.assertj.core.api.Assertions.assertThat;
import static java.util.stream.Collectors.toMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.sngw.broker.Message;
import org.sngw.broker.Qos;
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

  @Property(tries = 100)
  void load_afterRandomOperations_matchesTheModel(@ForAll("operations") List<Op> ops)
      throws IOException, StoreException {
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

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<String> client = Arbitraries.of(CLIENTS);
    Arbitrary<String> filter = Arbitraries.of("x", "y/#");
    Arbitrary<Long> sequence = Arbitraries.longs().between(-1, 2);
    Arbitrary<Integer> packetId = Arbitraries.of(1, 65535);
    Arbitrary<Message> message = Arbitraries.of(MESSAGES);
    // sessions come and go often, so rows left behind by a delete would show in a later session
    return Arbitraries.<Op>frequencyOf(
        Tuple.of(4, client.map(SaveSession::new)),
        Tuple.of(3, client.map(DeleteSession::new)),
        Tuple.of(2, Combinators.combine(client, filter, Arbitraries.of(Qos.class)).as(SaveSubscription::new)),
        Tuple.of(1, Combinators.combine(client, filter).as(DeleteSubscription::new)),
        Tuple.of(3, Combinators.combine(client, sequence, message).as(SaveOutbound::new)),
        Tuple.of(2, Combinators.combine(client, sequence, packetId).as(SaveSent::new)),
        Tuple.of(2, Combinators.combine(client, sequence).as(SaveReleased::new)),
        Tuple.of(1, Combinators.combine(client, sequence).as(DeleteOutbound::new)),
        Tuple.of(2, Combinators.combine(client, packetId).as(SaveInboundId::new)),
        Tuple.of(1, Combinators.combine(client, packetId).as(DeleteInboundId::new)),
        Tuple.of(1, message.map(SaveRetained::new)),
        Tuple.of(1, Arbitraries.of("t", "u/v").map(DeleteRetained::new)),
        Tuple.of(1, Combinators.combine(client, message, Arbitraries.longs().between(0, 100_000)).as(SaveWill::new)),
        Tuple.of(1, client.map(DeleteWill::new)),
        Tuple.of(2, Combinators.combine(client, packetId, Arbitraries.of("t", "u/v")).as(SaveTopicId::new)),
        Tuple.of(1, Combinators.combine(client, packetId).as(DeleteTopicId::new)),
        Tuple.of(1, client.map(DeleteTopicIds::new)),
        Tuple.of(1, Arbitraries.just(new Reopen())))
        .list().ofMaxSize(60);
  }

  /** Order-free form: the port promises no order of sessions, retained messages or wills. */
  private static Map<String, Object> normalized(StoredState state) {
    return Map.of(
        "sessions", state.sessions().stream().collect(toMap(StoredState.Session::clientId, Function.identity())),
        "retained", Set.copyOf(state.retained()),
        "wills", Set.copyOf(state.wills()),
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
      store.saveSession(client);
    }

    @Override
    public void apply(Model model) {
      model.sessions.add(client);
    }
  }

  record DeleteSession(String client) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.deleteSession(client);
    }

    @Override
    public void apply(Model model) {
      model.sessions.remove(client);
      model.subscriptions.remove(client);
      model.outbound.remove(client);
      model.inbound.remove(client);
    }
  }

  record SaveSubscription(String client, String filter, Qos qos) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.saveSubscription(client, filter, qos);
    }

    @Override
    public void apply(Model model) {
      model.subscriptions.computeIfAbsent(client, c -> new HashMap<>()).put(filter, qos);
    }
  }

  record DeleteSubscription(String client, String filter) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.deleteSubscription(client, filter);
    }

    @Override
    public void apply(Model model) {
      model.subscriptions.getOrDefault(client, new HashMap<>()).remove(filter);
    }
  }

  record SaveOutbound(String client, long sequence, Message message) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.saveOutbound(client, sequence, message);
    }

    @Override
    public void apply(Model model) {
      model.outbound.computeIfAbsent(client, c -> new TreeMap<>())
          .put(sequence, new StoredState.Outbound(sequence, message, 0, false));
    }
  }

  record SaveSent(String client, long sequence, int packetId) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.saveSent(client, sequence, packetId);
    }

    @Override
    public void apply(Model model) {
      model.outbound.getOrDefault(client, new TreeMap<>()).computeIfPresent(sequence,
          (s, o) -> new StoredState.Outbound(s, o.message(), packetId, o.released()));
    }
  }

  record SaveReleased(String client, long sequence) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.saveReleased(client, sequence);
    }

    @Override
    public void apply(Model model) {
      model.outbound.getOrDefault(client, new TreeMap<>()).computeIfPresent(sequence,
          (s, o) -> new StoredState.Outbound(s, o.message(), o.packetId(), true));
    }
  }

  record DeleteOutbound(String client, long sequence) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.deleteOutbound(client, sequence);
    }

    @Override
    public void apply(Model model) {
      model.outbound.getOrDefault(client, new TreeMap<>()).remove(sequence);
    }
  }

  record SaveInboundId(String client, int packetId) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.saveInboundId(client, packetId);
    }

    @Override
    public void apply(Model model) {
      model.inbound.computeIfAbsent(client, c -> new HashSet<>()).add(packetId);
    }
  }

  record DeleteInboundId(String client, int packetId) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.deleteInboundId(client, packetId);
    }

    @Override
    public void apply(Model model) {
      model.inbound.getOrDefault(client, new HashSet<>()).remove(packetId);
    }
  }

  record SaveRetained(Message message) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.saveRetained(message);
    }

    @Override
    public void apply(Model model) {
      model.retained.put(message.topic(), message);
    }
  }

  record DeleteRetained(String topic) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.deleteRetained(topic);
    }

    @Override
    public void apply(Model model) {
      model.retained.remove(topic);
    }
  }

  record SaveWill(String client, Message will, long keepAliveMillis) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.saveWill(client, will, Duration.ofMillis(keepAliveMillis));
    }

    @Override
    public void apply(Model model) {
      model.wills.put(client, new StoredState.Will(client, will, Duration.ofMillis(keepAliveMillis)));
    }
  }

  record DeleteWill(String client) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.deleteWill(client);
    }

    @Override
    public void apply(Model model) {
      model.wills.remove(client);
    }
  }

  record SaveTopicId(String client, int topicId, String topicName) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.saveTopicId(client, topicId, topicName);
    }

    @Override
    public void apply(Model model) {
      model.topicIds.computeIfAbsent(client, c -> new HashMap<>()).put(topicId, topicName);
    }
  }

  record DeleteTopicId(String client, int topicId) implements Op {
    @Override
    public void apply(MvStateStore store) {
      store.deleteTopicId(client, topicId);
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
      store.deleteTopicIds(client);
    }

    @Override
    public void apply(Model model) {
      model.topicIds.remove(client);
    }
  }

  /** What the port promises to keep, in plain collections. */
  static final class Model {
    final Set<String> sessions = new HashSet<>();
    final Map<String, Map<String, Qos>> subscriptions = new HashMap<>();
    final Map<String, TreeMap<Long, StoredState.Outbound>> outbound = new HashMap<>();
    final Map<String, Set<Integer>> inbound = new HashMap<>();
    final Map<String, Message> retained = new HashMap<>();
    final Map<String, StoredState.Will> wills = new HashMap<>();
    final Map<String, Map<Integer, String>> topicIds = new HashMap<>();

    StoredState state() {
      List<StoredState.Session> sessionList = sessions.stream()
          .map(client -> new StoredState.Session(client,
              subscriptions.getOrDefault(client, Map.of()),
              List.copyOf(outbound.getOrDefault(client, new TreeMap<>()).values()),
              inbound.getOrDefault(client, Set.of())))
          .toList();
      Map<String, Map<Integer, String>> ids = topicIds.entrySet().stream()
          .filter(e -> !e.getValue().isEmpty())
          .collect(toMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
      return new StoredState(sessionList, List.copyOf(retained.values()), List.copyOf(wills.values()), ids);
    }
  }
}
