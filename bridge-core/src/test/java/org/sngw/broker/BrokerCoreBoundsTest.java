package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;
import static org.sngw.broker.BrokerFixture.retained;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/**
 * Per-session queue bounds in messages and bytes, past which a session loses its own oldest
 * messages, and the store budget shared by persistent sessions' messages and retained messages,
 * past which the gateway as a whole is full and publishers are refused. A message on topic "a" with a 4-byte payload costs 5.
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
  void publish_offlineSessionQueueFullInBytes_dropsItsOldestAndIsAccepted() {
    broker.disconnect(subscribed("c", false, 1), true);
    fixture.publish(null, message("a", "q__1", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("a", "q__2", Qos.AT_LEAST_ONCE));

    assertThat(fixture.publish(null, message("a", "q__3", Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);

    assertThat(storedTexts("c")).containsExactly("q__2", "q__3");
    assertThat(broker.droppedByClient()).containsExactly(Map.entry("c", 1L));
    assertThat(broker.storeBytes()).as("the dropped message is refunded").isEqualTo(10);
    assertThat(broker.refusedMessages()).isZero();
  }

  @Test
  void publish_offlineSessionQueueFullInMessages_keepsTheNewest() {
    broker.disconnect(subscribed("c", false, 1), true);
    for (int i = 0; i < MAX_QUEUED + 2; i++) {
      assertThat(fixture.publish(null, message("a", "" + i, Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);
    }

    assertThat(storedTexts("c")).containsExactly("2", "3", "4", "5");
    assertThat(broker.droppedMessages()).isEqualTo(2);
  }

  @Test
  void publish_messageOverTheSessionByteBoundOnItsOwn_isDroppedForThatSessionOnly() {
    RecordingSink roomy = new RecordingSink();
    fixture.subscribe(fixture.connect("roomy", true, 32, roomy), "a", Qos.AT_LEAST_ONCE);
    subscribed("c", true, 1);
    fixture.publish(null, message("a", "sent", Qos.AT_LEAST_ONCE));

    assertThat(fixture.publish(null, message("a", "thirteen byte", Qos.AT_LEAST_ONCE)))
        .isEqualTo(PublishOutcome.ACCEPTED);

    assertThat(roomy.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("sent", "thirteen byte");
    assertThat(broker.droppedByClient()).containsExactly(Map.entry("c", 1L));
  }

  @Test
  void publishExactlyOnce_storeBudgetFullForOneSubscriber_reachesNoneAndTheResendIsRoutedAgain() {
    RecordingSink roomy = new RecordingSink();
    fixture.subscribe(fixture.connect("roomy", true, 32, roomy), "a", Qos.EXACTLY_ONCE);
    broker.disconnect(subscribed("persistent", false, 1), true);
    fixture.publish(null, retained("r", "x".repeat(18), Qos.AT_MOST_ONCE));
    RecordingSink sender = new RecordingSink();
    ClientHandle senderClient = fixture.connect("sender", true, 1, sender);
    List<PublishOutcome> outcomes = new ArrayList<>();

    broker.publishExactlyOnce(senderClient, 7, message("a", "x", Qos.EXACTLY_ONCE), outcomes::add);
    assertThat(outcomes).containsExactly(PublishOutcome.CONGESTED);
    assertThat(roomy.takeDeliveries()).isEmpty();

    fixture.publish(null, retained("r", "", Qos.AT_MOST_ONCE));
    broker.publishExactlyOnce(senderClient, 7, message("a", "x", Qos.EXACTLY_ONCE), outcomes::add);

    assertThat(outcomes).containsExactly(PublishOutcome.CONGESTED, PublishOutcome.ACCEPTED);
    assertThat(roomy.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("x");
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

  private List<String> storedTexts(String clientId) {
    return StoredSessions.of(store, clientId).outbound().stream()
        .map(stored -> new String(stored.message().payload(), StandardCharsets.UTF_8))
        .toList();
  }

  private ClientHandle subscribed(String clientId, boolean cleanSession, int window) {
    ClientHandle client = fixture.connect(clientId, cleanSession, window, sink);
    fixture.subscribe(client, "a", Qos.AT_LEAST_ONCE);
    return client;
  }
}
