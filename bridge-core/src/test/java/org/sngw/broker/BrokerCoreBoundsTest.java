package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;
import static org.sngw.broker.BrokerFixture.retained;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sngw.config.BrokerConfig;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/**
 * Per-session queue bounds in messages and bytes, and the store budget shared by persistent
 * sessions' messages and retained messages. A message on topic "a" with a 4-byte payload costs 5.
 */
class BrokerCoreBoundsTest {
  private static final int MAX_QUEUED = 4;
  private static final long MAX_QUEUED_BYTES = 12;
  private static final long MAX_STORE_BYTES = 20;

  private final MapStateStore store = new MapStateStore();
  private final BrokerFixture fixture = new BrokerFixture(
      new BrokerConfig(MAX_QUEUED, 32, 1024, MAX_QUEUED_BYTES, MAX_STORE_BYTES), store, new VirtualTime());
  private final BrokerCore broker = fixture.broker;
  private final RecordingSink sink = new RecordingSink();

  @Test
  void publish_sessionQueueFullInBytes_isCongestedAndCounted() {
    subscribed("c", true, 1);
    fixture.publish(null, message("a", "sent", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("a", "q__1", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("a", "q__2", Qos.AT_LEAST_ONCE));

    assertThat(fixture.publish(null, message("a", "q__3", Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.CONGESTED);
    assertThat(fixture.publish(null, message("a", "q", Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);

    assertThat(broker.refusedMessages()).isEqualTo(1);
  }

  @Test
  void publishExactlyOnce_oneSubscriberFull_reachesNoneAndTheResendIsRoutedAgain() {
    RecordingSink roomy = new RecordingSink();
    ClientHandle roomyClient = fixture.connect("roomy", true, 32, roomy);
    fixture.subscribe(roomyClient, "a", Qos.EXACTLY_ONCE);
    ClientHandle fullClient = subscribed("full", true, 1);
    for (int i = 0; i <= MAX_QUEUED; i++) {
      fixture.publish(null, message("a", "", Qos.AT_LEAST_ONCE));
    }
    roomy.take();
    RecordingSink sender = new RecordingSink();
    ClientHandle senderClient = fixture.connect("sender", true, 1, sender);
    List<PublishOutcome> outcomes = new ArrayList<>();

    broker.publishExactlyOnce(senderClient, 7, message("a", "x", Qos.EXACTLY_ONCE), outcomes::add);
    assertThat(outcomes).containsExactly(PublishOutcome.CONGESTED);
    assertThat(roomy.takeDeliveries()).isEmpty();

    sink.takeDeliveries().forEach(d -> broker.acknowledged(fullClient, d.packetId()));
    broker.publishExactlyOnce(senderClient, 7, message("a", "x", Qos.EXACTLY_ONCE), outcomes::add);

    assertThat(outcomes).containsExactly(PublishOutcome.CONGESTED, PublishOutcome.ACCEPTED);
    assertThat(roomy.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("x");
  }

  @Test
  void publish_sessionQueueFullInMessages_isCongested() {
    subscribed("c", true, 1);
    for (int i = 0; i <= MAX_QUEUED; i++) {
      assertThat(fixture.publish(null, message("a", "", Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);
    }

    assertThat(fixture.publish(null, message("a", "", Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.CONGESTED);
  }

  @Test
  void publish_storeBudgetFull_refusesPersistentSessionsButNotCleanOnes() {
    broker.disconnect(subscribed("persistent", false, 10), true);
    RecordingSink cleanSink = new RecordingSink();
    fixture.subscribe(fixture.connect("clean", true, 10, cleanSink), "a", Qos.AT_LEAST_ONCE);
    fixture.publish(null, retained("r", "12345678", Qos.AT_MOST_ONCE));
    fixture.publish(null, message("a", "1234", Qos.AT_LEAST_ONCE));
    assertThat(broker.storeBytes()).isEqualTo(14);

    assertThat(fixture.publish(null, message("a", "123456", Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.CONGESTED);

    assertThat(cleanSink.takeDeliveries()).hasSize(2);
    assertThat(StoredSessions.of(store, "persistent").outbound()).hasSize(1);
    assertThat(broker.storeBytes()).isEqualTo(14);
  }

  @Test
  void publish_storeBudgetFull_qos0StillReachesPersistentSessions() {
    subscribed("persistent", false, 10);
    fixture.publish(null, retained("r", "123456789012345678", Qos.AT_MOST_ONCE));

    assertThat(fixture.publish(null, message("a", "fast", Qos.AT_MOST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);

    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("fast");
  }

  @Test
  void publish_retainedOverStoreBudget_isRefusedAndTheTopicKeepsItsPreviousMessage() {
    fixture.publish(null, retained("r", "old", Qos.AT_MOST_ONCE));
    fixture.publish(null, retained("s", "123456789", Qos.AT_MOST_ONCE));

    assertThat(fixture.publish(null, retained("r", "much too long", Qos.AT_MOST_ONCE)))
        .isEqualTo(PublishOutcome.CONGESTED);
    assertThat(fixture.publish(null, retained("r", "new", Qos.AT_MOST_ONCE)))
        .as("a replacement is charged only what it adds").isEqualTo(PublishOutcome.ACCEPTED);

    fixture.subscribe(fixture.connect("late", true, 10, sink), "r", Qos.AT_MOST_ONCE);
    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("new");
    assertThat(broker.refusedRetained()).isEqualTo(1);
  }

  @Test
  void budget_refundedWhenAcknowledgedDeletedOrSessionEnds() {
    ClientHandle client = subscribed("c", false, 10);
    fixture.publish(null, message("a", "1234", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("a", "5678", Qos.AT_LEAST_ONCE));
    fixture.publish(null, retained("r", "x", Qos.AT_MOST_ONCE));
    assertThat(broker.storeBytes()).isEqualTo(12);

    broker.acknowledged(client, 1);
    fixture.publish(null, retained("r", "", Qos.AT_MOST_ONCE));
    assertThat(broker.storeBytes()).isEqualTo(5);

    fixture.connect("c", true, 10, sink);
    assertThat(broker.storeBytes()).isZero();
  }

  @Test
  void restart_restoredMessagesAreChargedToTheBudget() {
    broker.disconnect(subscribed("c", false, 10), true);
    fixture.publish(null, message("a", "1234", Qos.AT_LEAST_ONCE));
    fixture.publish(null, retained("r", "x", Qos.AT_MOST_ONCE));

    store.crash();
    BrokerCore restarted = fixture.restart();

    assertThat(restarted.storeBytes()).isEqualTo(7);
  }

  private ClientHandle subscribed(String clientId, boolean cleanSession, int window) {
    ClientHandle client = fixture.connect(clientId, cleanSession, window, sink);
    fixture.subscribe(client, "a", Qos.AT_LEAST_ONCE);
    return client;
  }
}
