package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;
import static org.sngw.broker.BrokerFixture.retained;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.store.StoredState;
import org.sngw.time.VirtualTime;

/** Every state change the store keeps is written through at once; clean sessions write only wills. */
class BrokerCoreWriteThroughTest {
  private final MapStateStore store = new MapStateStore();
  private final BrokerFixture fixture = new BrokerFixture(BrokerConfig.defaults(), store, new VirtualTime());
  private final BrokerCore broker = fixture.broker;
  private final RecordingSink sink = new RecordingSink();

  @Test
  void connect_persistentSession_savesSessionAndSubscriptions() {
    ClientHandle client = fixture.connect("c", false, 1, sink);
    fixture.subscribe(client, "a/+", Qos.AT_LEAST_ONCE);
    fixture.subscribe(client, "b", Qos.EXACTLY_ONCE);

    broker.unsubscribe(client, List.of("b"), () -> {});

    assertThat(StoredSessions.of(store, "c").subscriptions()).isEqualTo(Map.of("a/+", Qos.AT_LEAST_ONCE));
  }

  @Test
  void connect_cleanSessionReplacingPersistent_deletesSession() {
    ClientHandle first = fixture.connect("c", false, 1, sink);
    fixture.subscribe(first, "a", Qos.AT_LEAST_ONCE);
    broker.disconnect(first, true);
    fixture.publish(null, message("a", "queued", Qos.AT_LEAST_ONCE));

    fixture.connect("c", true, 1, sink);

    assertThat(store.load().broker().sessions()).isEmpty();
  }

  @Test
  void cleanSession_subscribePublishAcknowledgeDisconnect_writesNothing() {
    ClientHandle client = fixture.connect("c", true, 1, sink);
    fixture.subscribe(client, "a", Qos.EXACTLY_ONCE);
    fixture.publish(null, message("a", "x", Qos.AT_LEAST_ONCE));
    broker.acknowledged(client, 1);
    broker.publishExactlyOnce(client, 9, message("b", "y", Qos.EXACTLY_ONCE), outcome -> {});
    broker.releaseInbound(client, 9);
    broker.disconnect(client, true);

    assertThat(store.writeCount()).isZero();
  }

  @Test
  void publish_toOfflinePersistentSession_savesItQueued() {
    disconnected(subscribed("c", 1, Qos.EXACTLY_ONCE));

    fixture.publish(null, message("a", "x", Qos.EXACTLY_ONCE));
    fixture.publish(null, message("a", "y", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("a", "not kept", Qos.AT_MOST_ONCE));

    assertThat(StoredSessions.of(store, "c").outbound()).containsExactly(
        new RestoredState.Outbound(1, message("a", "x", Qos.EXACTLY_ONCE), 0, false),
        new RestoredState.Outbound(2, message("a", "y", Qos.AT_LEAST_ONCE), 0, false));
  }

  @Test
  void publish_toConnectedPersistentSession_savesItSentUnderItsPacketId() {
    subscribed("c", 1, Qos.AT_LEAST_ONCE);

    fixture.publish(null, message("a", "sent", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("a", "waits", Qos.AT_LEAST_ONCE));

    assertThat(StoredSessions.of(store, "c").outbound()).containsExactly(
        new RestoredState.Outbound(1, message("a", "sent", Qos.AT_LEAST_ONCE), 1, false),
        new RestoredState.Outbound(2, message("a", "waits", Qos.AT_LEAST_ONCE), 0, false));
  }

  @Test
  void acknowledged_deletesTheMessageAndSavesTheNextOneSent() {
    ClientHandle client = subscribed("c", 1, Qos.AT_LEAST_ONCE);
    fixture.publish(null, message("a", "1", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("a", "2", Qos.AT_LEAST_ONCE));

    broker.acknowledged(client, 1);

    assertThat(StoredSessions.of(store, "c").outbound())
        .containsExactly(new RestoredState.Outbound(2, message("a", "2", Qos.AT_LEAST_ONCE), 2, false));
  }

  @Test
  void receivedThenCompleted_savesReleasedThenDeletes() {
    ClientHandle client = subscribed("c", 1, Qos.EXACTLY_ONCE);
    fixture.publish(null, message("a", "x", Qos.EXACTLY_ONCE));

    broker.received(client, 1);
    assertThat(StoredSessions.of(store, "c").outbound())
        .containsExactly(new RestoredState.Outbound(1, message("a", "x", Qos.EXACTLY_ONCE), 1, true));

    broker.completed(client, 1);
    assertThat(StoredSessions.of(store, "c").outbound()).isEmpty();
  }

  @Test
  void publishExactlyOnce_persistentSender_savesInboundIdUntilReleased() {
    ClientHandle sender = fixture.connect("s", false, 1, sink);

    broker.publishExactlyOnce(sender, 7, message("a", "x", Qos.EXACTLY_ONCE), outcome -> {});
    assertThat(StoredSessions.of(store, "s").inboundIds()).containsExactly(7);

    broker.releaseInbound(sender, 7);
    assertThat(StoredSessions.of(store, "s").inboundIds()).isEmpty();
  }

  @Test
  void publish_retained_savesItAndAnEmptyPayloadDeletesIt() {
    fixture.publish(null, retained("r", "kept", Qos.AT_MOST_ONCE));
    fixture.publish(null, retained("gone", "soon", Qos.AT_LEAST_ONCE));

    fixture.publish(null, retained("gone", "", Qos.AT_LEAST_ONCE));

    assertThat(store.load().broker().retained()).containsExactly(retained("r", "kept", Qos.AT_MOST_ONCE));
  }

  @Test
  void publish_retainedOnSys_isKeptInMemoryOnly_andOneAnEarlierVersionStoredIsDeletedAtRestart() {
    fixture.publish(null, retained("$SYS/broker/uptime", "5 seconds", Qos.AT_MOST_ONCE));
    ClientHandle reader = fixture.connect("reader", true, 1, sink);
    fixture.subscribe(reader, "$SYS/#", Qos.AT_MOST_ONCE);

    assertThat(sink.takeDeliveries()).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo(retained("$SYS/broker/uptime", "5 seconds", Qos.AT_MOST_ONCE)));
    assertThat(store.writeCount()).as("nothing of $SYS reaches the store").isZero();

    store.write(new BrokerChange.RetainedSaved(retained("$SYS/broker/version", "sngw 0.0.9", Qos.AT_MOST_ONCE)));
    fixture.restart();
    assertThat(store.load().broker().retained()).isEmpty();
  }

  @Test
  void connect_cleanSessionWithWill_writesOnlyTheWillUntilGracefulDisconnect() {
    Message will = message("will", "gone", Qos.AT_LEAST_ONCE);
    ClientHandle client = fixture.connectWithWill("c", true, will, Duration.ofSeconds(30), sink);
    assertThat(store.load().broker().wills())
        .containsExactly(new RestoredState.Will("c", will, Duration.ofSeconds(30)));
    assertThat(store.load().broker().sessions()).isEmpty();

    broker.disconnect(client, true);

    assertThat(store.load().broker().wills()).isEmpty();
  }

  @Test
  void disconnect_notGraceful_publishesTheWillThenDeletesIt() {
    RecordingSink watcherSink = new RecordingSink();
    fixture.subscribe(fixture.connect("watcher", false, 10, watcherSink), "will", Qos.AT_LEAST_ONCE);
    Message will = message("will", "gone", Qos.AT_LEAST_ONCE);
    ClientHandle client = fixture.connectWithWill("c", true, will, Duration.ZERO, sink);

    broker.disconnect(client, false);

    assertThat(store.load().broker().wills()).isEmpty();
    assertThat(StoredSessions.of(store, "watcher").outbound()).hasSize(1);
  }

  @Test
  void updateWill_replacesTheStoredWillOrDeletesIt() {
    Message old = message("will", "old", Qos.AT_MOST_ONCE);
    ClientHandle client = fixture.connectWithWill("c", false, old, Duration.ofSeconds(5), sink);

    broker.updateWill(client, Optional.of(message("will", "new", Qos.AT_MOST_ONCE)));
    assertThat(store.load().broker().wills())
        .containsExactly(new RestoredState.Will("c", message("will", "new", Qos.AT_MOST_ONCE), Duration.ofSeconds(5)));

    broker.updateWill(client, Optional.empty());
    assertThat(store.load().broker().wills()).isEmpty();
  }

  @Test
  void connect_takeOverWithoutWill_deletesThePreviousWill() {
    Message old = message("will", "old", Qos.AT_MOST_ONCE);
    fixture.connectWithWill("c", false, old, Duration.ofSeconds(5), new RecordingSink());

    fixture.connect("c", false, 1, sink);

    assertThat(store.load().broker().wills()).isEmpty();
  }

  private ClientHandle subscribed(String clientId, int window, Qos qos) {
    ClientHandle client = fixture.connect(clientId, false, window, sink);
    fixture.subscribe(client, "a", qos);
    return client;
  }

  private void disconnected(ClientHandle client) {
    broker.disconnect(client, true);
  }
}
