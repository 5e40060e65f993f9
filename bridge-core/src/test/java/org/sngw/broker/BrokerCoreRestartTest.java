package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;
import static org.sngw.broker.BrokerFixture.retained;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sngw.broker.RecordingSink.Deliver;
import org.sngw.broker.RecordingSink.Release;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.store.StoredState;
import org.sngw.time.VirtualTime;

/** A second broker over the same store after a crash takes up where the first left off. */
class BrokerCoreRestartTest {
  private final MapStateStore store = new MapStateStore();
  private final BrokerFixture fixture = new BrokerFixture(BrokerConfig.defaults(), store, new VirtualTime());
  private final RecordingSink sink = new RecordingSink();

  @Test
  void restart_persistentSession_isOfflineAndItsSubscriptionsRouteAgain() {
    subscribed("c", 10, Qos.AT_LEAST_ONCE);

    crashAndRestart();
    fixture.publish(null, message("a", "while offline", Qos.AT_LEAST_ONCE));
    ClientHandle resumed = fixture.connect("c", false, 10, sink);

    assertThat(resumed.sessionPresent()).isTrue();
    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("while offline");
  }

  @Test
  void restart_cleanSession_isGone() {
    fixture.subscribe(fixture.connect("c", true, 10, sink), "a", Qos.AT_LEAST_ONCE);

    crashAndRestart();
    fixture.publish(null, message("a", "x", Qos.AT_LEAST_ONCE));

    assertThat(fixture.connect("c", false, 10, sink).sessionPresent()).isFalse();
    assertThat(sink.take()).isEmpty();
  }

  @Test
  void restart_queuedMessages_areSentInOrderOnReconnect() {
    fixture.broker.disconnect(subscribed("c", 10, Qos.EXACTLY_ONCE), true);
    fixture.publish(null, message("a", "1", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("a", "2", Qos.EXACTLY_ONCE));

    crashAndRestart();
    fixture.connect("c", false, 10, sink);

    assertThat(sink.takeDeliveries()).containsExactly(
        new Delivery(1, false, message("a", "1", Qos.AT_LEAST_ONCE)),
        new Delivery(2, false, message("a", "2", Qos.EXACTLY_ONCE)));
  }

  @Test
  void restart_inFlightQos1_isResentWithDupUnderItsPacketIdWhichStaysReserved() {
    ClientHandle client = subscribed("c", 2, Qos.AT_LEAST_ONCE);
    fixture.publish(null, message("a", "acked", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("a", "in flight", Qos.AT_LEAST_ONCE));
    fixture.broker.acknowledged(client, 1);
    sink.take();

    crashAndRestart();
    ClientHandle resumed = fixture.connect("c", false, 2, sink);
    fixture.publish(null, message("a", "new", Qos.AT_LEAST_ONCE));

    assertThat(sink.takeDeliveries()).containsExactly(
        new Delivery(2, true, message("a", "in flight", Qos.AT_LEAST_ONCE)),
        new Delivery(1, false, message("a", "new", Qos.AT_LEAST_ONCE)));
    fixture.broker.acknowledged(resumed, 2);
    fixture.broker.acknowledged(resumed, 1);
    assertThat(StoredSessions.of(store, "c").outbound()).isEmpty();
  }

  @Test
  void restart_releasedQos2_resendsPubrelAndCompletes() {
    ClientHandle client = subscribed("c", 1, Qos.EXACTLY_ONCE);
    fixture.publish(null, message("a", "1", Qos.EXACTLY_ONCE));
    fixture.publish(null, message("a", "2", Qos.EXACTLY_ONCE));
    fixture.broker.received(client, 1);
    sink.take();

    crashAndRestart();
    ClientHandle resumed = fixture.connect("c", false, 1, sink);
    assertThat(sink.take()).containsExactly(new Release(1));
    fixture.broker.completed(resumed, 1);

    // PUBCOMP freed packet id 1, so the queued message may go out under it.
    assertThat(sink.take()).containsExactly(new Deliver(new Delivery(1, false, message("a", "2", Qos.EXACTLY_ONCE))));
  }

  @Test
  void restart_inboundQos2Id_resentPublishIsAcceptedButNotRoutedTwice() {
    RecordingSink subscriberSink = new RecordingSink();
    fixture.subscribe(fixture.connect("sub", false, 10, subscriberSink), "a", Qos.EXACTLY_ONCE);
    ClientHandle sender = fixture.connect("s", false, 1, sink);
    fixture.broker.publishExactlyOnce(sender, 5, message("a", "once", Qos.EXACTLY_ONCE), outcome -> {});

    crashAndRestart();
    fixture.connect("sub", false, 10, subscriberSink);
    subscriberSink.take();
    ClientHandle resumed = fixture.connect("s", false, 1, sink);
    List<PublishOutcome> outcomes = new ArrayList<>();
    fixture.broker.publishExactlyOnce(resumed, 5, message("a", "once", Qos.EXACTLY_ONCE), outcomes::add);

    assertThat(outcomes).containsExactly(PublishOutcome.ACCEPTED);
    assertThat(subscriberSink.take()).isEmpty();
  }

  @Test
  void restart_retainedMessage_isDeliveredToNewSubscribers() {
    fixture.publish(null, retained("status", "up", Qos.AT_LEAST_ONCE));

    crashAndRestart();
    fixture.subscribe(fixture.connect("late", true, 10, sink), "status", Qos.AT_LEAST_ONCE);

    assertThat(sink.takeDeliveries()).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo(retained("status", "up", Qos.AT_LEAST_ONCE)));
  }

  @Test
  void restart_sequenceContinuesAfterTheHighestStored() {
    ClientHandle client = subscribed("c", 1, Qos.AT_LEAST_ONCE);
    fixture.publish(null, message("a", "1", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("a", "2", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("a", "3", Qos.AT_LEAST_ONCE));
    fixture.broker.acknowledged(client, 1);

    crashAndRestart();
    fixture.publish(null, message("a", "4", Qos.AT_LEAST_ONCE));

    assertThat(StoredSessions.of(store, "c").outbound()).extracting(RestoredState.Outbound::sequence)
        .containsExactly(2L, 3L, 4L);
  }

  @Test
  void crash_beforeDurable_losesOnlyWhatWasNotYetAcknowledged() {
    fixture.broker.disconnect(subscribed("c", 10, Qos.AT_LEAST_ONCE), true);
    store.deferDurability();
    List<String> acknowledged = new ArrayList<>();
    fixture.broker.publish(null, message("a", "safe", Qos.AT_LEAST_ONCE), outcome -> acknowledged.add("safe"));
    store.flush();
    fixture.broker.publish(null, message("a", "lost", Qos.AT_LEAST_ONCE), outcome -> acknowledged.add("lost"));

    crashAndRestart();
    fixture.connect("c", false, 10, sink);

    assertThat(acknowledged).containsExactly("safe");
    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("safe");
  }

  @Test
  void stop_thenRestart_keepsEverythingWritten() {
    fixture.broker.disconnect(subscribed("c", 10, Qos.AT_LEAST_ONCE), true);
    store.deferDurability();
    fixture.publish(null, message("a", "x", Qos.AT_MOST_ONCE));
    fixture.broker.publish(null, message("a", "written", Qos.AT_LEAST_ONCE), outcome -> {});

    store.stop();
    fixture.restart();
    fixture.connect("c", false, 10, sink);

    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("written");
  }

  private ClientHandle subscribed(String clientId, int window, Qos qos) {
    ClientHandle client = fixture.connect(clientId, false, window, sink);
    fixture.subscribe(client, "a", qos);
    return client;
  }

  private void crashAndRestart() {
    store.crash();
    fixture.restart();
  }
}
