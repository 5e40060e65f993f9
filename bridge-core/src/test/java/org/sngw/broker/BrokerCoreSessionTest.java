package org.sngw.broker;

import java.time.Duration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;
import static org.sngw.broker.BrokerFixture.retained;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.broker.RecordingSink.TakenOver;
import org.sngw.message.Qos;

class BrokerCoreSessionTest {
  private final BrokerFixture fixture = new BrokerFixture();
  private final BrokerCore broker = fixture.broker;
  private final RecordingSink sink = new RecordingSink();
  private final RecordingSink watcherSink = new RecordingSink();
  private final ClientHandle watcher = fixture.connect("watcher", true, 10, watcherSink);

  @Test
  void connect_unknownClientId_hasNoSessionPresent() {
    ClientHandle client = fixture.connect("c", false, 1, sink);

    assertThat(client.clientId()).isEqualTo("c");
    assertThat(client.sessionPresent()).isFalse();
  }

  @Test
  void connect_persistentSessionAgain_resumesWithSubscriptions() {
    ClientHandle first = fixture.connect("c", false, 1, sink);
    fixture.subscribe(first, "a", Qos.AT_LEAST_ONCE);
    broker.disconnect(first, true);

    ClientHandle second = fixture.connect("c", false, 1, sink);
    fixture.publish(null, message("a", "x", Qos.AT_LEAST_ONCE));

    assertThat(second.sessionPresent()).isTrue();
    assertThat(sink.takeDeliveries()).hasSize(1);
  }

  @Test
  void connect_cleanSessionAfterPersistent_discardsPreviousState() {
    ClientHandle first = fixture.connect("c", false, 1, sink);
    fixture.subscribe(first, "a", Qos.AT_LEAST_ONCE);
    broker.disconnect(first, true);
    fixture.publish(null, message("a", "queued", Qos.AT_LEAST_ONCE));

    ClientHandle second = fixture.connect("c", true, 1, sink);
    fixture.publish(null, message("a", "x", Qos.AT_LEAST_ONCE));

    assertThat(second.sessionPresent()).isFalse();
    assertThat(sink.take()).isEmpty();
  }

  @Test
  void disconnect_cleanSession_subscriptionsLeaveTheTree() {
    ClientHandle first = fixture.connect("c", true, 1, sink);
    fixture.subscribe(first, "a", Qos.AT_LEAST_ONCE);
    broker.disconnect(first, true);

    ClientHandle second = fixture.connect("c", false, 1, sink);
    fixture.publish(null, message("a", "x", Qos.AT_LEAST_ONCE));

    assertThat(second.sessionPresent()).isFalse();
    assertThat(sink.take()).isEmpty();
  }

  @Test
  void disconnect_persistentSession_queuesQos1And2ButNotQos0UntilResumed() {
    ClientHandle first = fixture.connect("c", false, 10, sink);
    fixture.subscribe(first, "a", Qos.EXACTLY_ONCE);
    broker.disconnect(first, false);

    fixture.publish(null, message("a", "q0", Qos.AT_MOST_ONCE));
    fixture.publish(null, message("a", "q1", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("a", "q2", Qos.EXACTLY_ONCE));
    assertThat(sink.take()).isEmpty();

    fixture.connect("c", false, 10, sink);

    assertThat(sink.takeDeliveries()).containsExactly(
        new Delivery(1, false, message("a", "q1", Qos.AT_LEAST_ONCE)),
        new Delivery(2, false, message("a", "q2", Qos.EXACTLY_ONCE)));
  }

  @Test
  void connect_clientIdAlreadyConnected_takesOverWithoutWill() {
    RecordingSink oldSink = new RecordingSink();
    fixture.subscribe(watcher, "will", Qos.AT_MOST_ONCE);
    fixture.connectWithWill("c", message("will", "gone", Qos.AT_MOST_ONCE), oldSink);

    ClientHandle current = fixture.connect("c", true, 1, sink);

    assertThat(oldSink.take()).containsExactly(new TakenOver());
    assertThat(watcherSink.take()).isEmpty();
    assertThat(current.sessionPresent()).isFalse();
  }

  @Test
  void staleHandle_afterTakeOver_everyCallIsIgnored() {
    RecordingSink oldSink = new RecordingSink();
    fixture.subscribe(watcher, "#", Qos.AT_MOST_ONCE);
    ClientHandle old = fixture.connectWithWill("c", message("will", "gone", Qos.AT_MOST_ONCE), oldSink);
    ClientHandle current = fixture.connect("c", false, 1, sink);
    fixture.subscribe(current, "a", Qos.AT_LEAST_ONCE);
    fixture.publish(null, message("a", "x", Qos.AT_LEAST_ONCE));
    oldSink.take();
    watcherSink.take();
    sink.take();
    List<Object> callbacks = new ArrayList<>();

    broker.publish(old, message("a", "from stale", Qos.AT_LEAST_ONCE), callbacks::add);
    broker.publishExactlyOnce(old, 7, message("a", "from stale", Qos.EXACTLY_ONCE), callbacks::add);
    broker.releaseInbound(old, 7);
    broker.subscribe(old, List.of(new Subscription("b", Qos.AT_MOST_ONCE)), callbacks::add);
    broker.unsubscribe(old, List.of("a"), () -> callbacks.add("unsubscribed"));
    broker.acknowledged(old, 1);
    broker.received(old, 1);
    broker.completed(old, 1);
    broker.updateWill(old, Optional.of(message("will", "stale will", Qos.AT_MOST_ONCE)));
    broker.disconnect(old, false);

    assertThat(callbacks).isEmpty();
    assertThat(oldSink.take()).isEmpty();
    assertThat(watcherSink.take()).isEmpty();
    // The stale PUBACK freed nothing: "y" waits behind packet id 1 until the current connection acks.
    fixture.publish(null, message("a", "y", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("b", "z", Qos.AT_LEAST_ONCE));
    assertThat(sink.take()).isEmpty();
    broker.acknowledged(current, 1);
    assertThat(sink.takeDeliveries()).containsExactly(new Delivery(2, false, message("a", "y", Qos.AT_LEAST_ONCE)));
  }

  @Test
  void connect_takeOverOfPersistentSession_resendsInFlightToNewConnection() {
    RecordingSink oldSink = new RecordingSink();
    ClientHandle old = fixture.connect("c", false, 5, oldSink);
    fixture.subscribe(old, "a", Qos.AT_LEAST_ONCE);
    fixture.publish(null, message("a", "x", Qos.AT_LEAST_ONCE));
    oldSink.take();

    ClientHandle current = fixture.connect("c", false, 5, sink);

    assertThat(current.sessionPresent()).isTrue();
    assertThat(oldSink.take()).containsExactly(new TakenOver());
    assertThat(sink.takeDeliveries()).containsExactly(new Delivery(1, true, message("a", "x", Qos.AT_LEAST_ONCE)));
  }

  @Test
  void disconnect_twice_secondIsIgnored() {
    ClientHandle client = fixture.connectWithWill("c", message("will", "gone", Qos.AT_MOST_ONCE), sink);
    fixture.subscribe(watcher, "will", Qos.AT_MOST_ONCE);
    broker.disconnect(client, true);

    broker.disconnect(client, false);

    assertThat(watcherSink.take()).isEmpty();
  }

  @Test
  void disconnect_notGraceful_publishesWillWithItsRetainFlag() {
    ClientHandle client = fixture.connectWithWill("c", retained("status/c", "offline", Qos.AT_LEAST_ONCE), sink);
    fixture.subscribe(watcher, "status/+", Qos.AT_LEAST_ONCE);

    broker.disconnect(client, false);

    assertThat(watcherSink.takeDeliveries()).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo(message("status/c", "offline", Qos.AT_LEAST_ONCE)));
    fixture.subscribe(fixture.connect("late", true, 1, sink), "status/c", Qos.AT_LEAST_ONCE);
    assertThat(sink.takeDeliveries()).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo(retained("status/c", "offline", Qos.AT_LEAST_ONCE)));
  }

  @Test
  void disconnect_graceful_dropsTheWill() {
    ClientHandle client = fixture.connectWithWill("c", message("will", "gone", Qos.AT_MOST_ONCE), sink);
    fixture.subscribe(watcher, "will", Qos.AT_MOST_ONCE);

    broker.disconnect(client, true);

    assertThat(watcherSink.take()).isEmpty();
  }

  @Test
  void updateWill_newWill_isPublishedInsteadOfTheOld() {
    ClientHandle client = fixture.connectWithWill("c", message("will", "old", Qos.AT_MOST_ONCE), sink);
    fixture.subscribe(watcher, "will", Qos.AT_MOST_ONCE);

    broker.updateWill(client, Optional.of(message("will", "new", Qos.AT_MOST_ONCE)));
    broker.disconnect(client, false);

    assertThat(watcherSink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("new");
  }

  @Test
  void updateWill_empty_removesTheWill() {
    ClientHandle client = fixture.connectWithWill("c", message("will", "old", Qos.AT_MOST_ONCE), sink);
    fixture.subscribe(watcher, "will", Qos.AT_MOST_ONCE);

    broker.updateWill(client, Optional.empty());
    broker.disconnect(client, false);

    assertThat(watcherSink.take()).isEmpty();
  }

  @Test
  void disconnect_willOfPersistentSubscriber_isQueuedForItsOwnSession() {
    RecordingSink ownSink = new RecordingSink();
    ClientHandle client = broker.connect(
        new ConnectRequest("c", false, Optional.of(message("will", "gone", Qos.AT_LEAST_ONCE)), Duration.ZERO, 1), ownSink);
    fixture.subscribe(client, "will", Qos.AT_LEAST_ONCE);

    broker.disconnect(client, false);
    fixture.connect("c", false, 1, ownSink);

    assertThat(ownSink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("gone");
  }
}
