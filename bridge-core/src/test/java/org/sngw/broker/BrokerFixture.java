package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.store.InMemoryStore;
import org.sngw.store.StateStore;
import org.sngw.time.VirtualTime;

/** A broker under test with small helpers to connect, subscribe and publish. */
class BrokerFixture {
  static final int MAX_QUEUED = 3;

  private final Supplier<BrokerCore> start;
  BrokerCore broker;

  /** An in-memory broker. */
  BrokerFixture() {
    this(() -> new BrokerCore(new BrokerConfig(MAX_QUEUED, 32, 256 * 1024)));
  }

  /** A broker over a store; {@link #restart()} starts another over the same store. */
  BrokerFixture(BrokerConfig config, StateStore store, VirtualTime time) {
    this(() -> new BrokerCore(config, store, store.load().broker(), time, time.wall()));
  }

  /** A broker over a store, on a wall clock of the test's. */
  BrokerFixture(BrokerConfig config, StateStore store, VirtualTime time, InstantSource wall) {
    this(() -> new BrokerCore(config, store, store.load().broker(), time, wall));
  }

  /** A broker over an in-memory store, holding every client to {@code access}. */
  BrokerFixture(AccessRules access, VirtualTime time) {
    this(access, new InMemoryStore(), time);
  }

  /** A broker over a store, holding every client to {@code access}; {@link #restart()} starts another. */
  BrokerFixture(AccessRules access, StateStore store, VirtualTime time) {
    this(() -> new BrokerCore(new BrokerConfig(MAX_QUEUED, 32, 256 * 1024), store, store.load().broker(), time,
        time.wall(), access));
  }

  private BrokerFixture(Supplier<BrokerCore> start) {
    this.start = start;
    this.broker = start.get();
  }

  /** A new broker restored from the same store, after the test crashed or stopped it. */
  BrokerCore restart() {
    broker = start.get();
    return broker;
  }

  ClientHandle connect(String clientId, boolean cleanSession, int window, RecordingSink sink) {
    return broker.connect(new ConnectRequest(clientId, cleanSession, Optional.empty(), Duration.ZERO, window), sink);
  }

  ClientHandle connect(String clientId, boolean cleanSession, int window, SessionOptions options, RecordingSink sink) {
    return broker.connect(
        new ConnectRequest(clientId, cleanSession, Optional.empty(), Duration.ZERO, window, options, Optional.empty(),
            ClientIdentity.Origin.GATEWAY),
        sink);
  }

  ClientHandle connectWithWill(String clientId, Message will, RecordingSink sink) {
    return connectWithWill(clientId, true, will, Duration.ZERO, sink);
  }

  ClientHandle connectWithWill(
      String clientId, boolean cleanSession, Message will, Duration keepAlive, RecordingSink sink) {
    return broker.connect(new ConnectRequest(clientId, cleanSession, Optional.of(will), keepAlive, 10), sink);
  }

  List<Optional<Qos>> subscribe(ClientHandle client, String filter, Qos qos) {
    return subscribe(client, List.of(new Subscription(filter, qos)));
  }

  List<Optional<Qos>> subscribe(ClientHandle client, List<Subscription> subscriptions) {
    List<List<Optional<Qos>>> granted = new ArrayList<>();
    broker.subscribe(client, subscriptions, granted::add);
    assertThat(granted).hasSize(1);
    return granted.get(0);
  }

  PublishOutcome publish(ClientHandle from, Message message) {
    List<PublishOutcome> outcomes = new ArrayList<>();
    broker.publish(from, message, outcomes::add);
    assertThat(outcomes).hasSize(1);
    return outcomes.get(0);
  }

  static Message message(String topic, String payload, Qos qos) {
    return new Message(topic, bytes(payload), qos, false);
  }

  static Message retained(String topic, String payload, Qos qos) {
    return new Message(topic, bytes(payload), qos, true);
  }

  static String text(Delivery delivery) {
    return new String(delivery.message().payload(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String payload) {
    return payload.getBytes(StandardCharsets.UTF_8);
  }
}
