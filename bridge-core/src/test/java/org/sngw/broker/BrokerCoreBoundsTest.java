package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;
import static org.sngw.broker.BrokerFixture.retained;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/**
 * Per-session queue bounds in messages and bytes, past which a session loses its own oldest
 * messages, and the store budget shared by persistent sessions' messages and retained messages,
 * past which the gateway as a whole is full and publishers are refused. A session's queue has room
 * in bytes for two messages on topic "a" with a 4-byte payload, not three; the store for four.
 */
class BrokerCoreBoundsTest {
  /** What a message on a one-char topic with a 4-byte payload ("q__1", "1234") costs the byte bounds. */
  private static final long COST = Footprint.of(message("a", "1234", Qos.AT_LEAST_ONCE));
  private static final int MAX_QUEUED = 4;
  private static final long MAX_QUEUED_BYTES = 2 * COST + 2;
  private static final long MAX_STORE_BYTES = 4 * COST;

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
    assertThat(broker.storeBytes()).as("the dropped message is refunded").isEqualTo(2 * COST);
    assertThat(broker.refusedMessages()).isZero();
  }

  @Test
  void publish_offlineSessionQueueFullInMessages_keepsTheNewest() {
    // Every message costs ENTRY_BYTES beside its payload, so MAX_QUEUED_BYTES holds fewer than
    // MAX_QUEUED of them: here the bytes are plenty, so the bound met is the one in messages.
    MapStateStore roomyStore = new MapStateStore();
    BrokerFixture roomy = new BrokerFixture(
        new BrokerConfig(MAX_QUEUED, 32, 1024, 100 * COST, 100 * COST), roomyStore, new VirtualTime());
    ClientHandle client = roomy.connect("c", false, 1, sink);
    roomy.subscribe(client, "a", Qos.AT_LEAST_ONCE);
    roomy.broker.disconnect(client, true);
    for (int i = 0; i < MAX_QUEUED + 2; i++) {
      assertThat(roomy.publish(null, message("a", "" + i, Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);
    }

    assertThat(storedTexts(roomyStore, "c")).containsExactly("2", "3", "4", "5");
    assertThat(roomy.broker.droppedMessages()).isEqualTo(2);
  }

  @Test
  void publish_messageOverTheSessionByteBoundOnItsOwn_isDroppedForThatSessionOnly() {
    RecordingSink roomy = new RecordingSink();
    fixture.subscribe(fixture.connect("roomy", true, 32, roomy), "a", Qos.AT_LEAST_ONCE);
    subscribed("c", true, 1);
    fixture.publish(null, message("a", "sent", Qos.AT_LEAST_ONCE));
    String overTheBound = payloadCosting(MAX_QUEUED_BYTES + 1);

    assertThat(fixture.publish(null, message("a", overTheBound, Qos.AT_LEAST_ONCE)))
        .isEqualTo(PublishOutcome.ACCEPTED);

    assertThat(roomy.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("sent", overTheBound);
    assertThat(broker.droppedByClient()).containsExactly(Map.entry("c", 1L));
  }

  @Test
  void publishExactlyOnce_storeBudgetFullForOneSubscriber_reachesNoneAndTheResendIsRoutedAgain() {
    RecordingSink roomy = new RecordingSink();
    fixture.subscribe(fixture.connect("roomy", true, 32, roomy), "a", Qos.EXACTLY_ONCE);
    broker.disconnect(subscribed("persistent", false, 1), true);
    fixture.publish(null, retained("r", payloadCosting(MAX_STORE_BYTES - 1), Qos.AT_MOST_ONCE));
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
    // "1234" and then "123456" fit the persistent session's queue; the retained message leaves the
    // store room for the first and one byte too little for the second beside it.
    Message next = message("a", "123456", Qos.AT_LEAST_ONCE);
    long full = MAX_STORE_BYTES - Footprint.of(next) + 1;
    fixture.publish(null, retained("r", payloadCosting(full - COST), Qos.AT_MOST_ONCE));
    fixture.publish(null, message("a", "1234", Qos.AT_LEAST_ONCE));
    assertThat(broker.storeBytes()).isEqualTo(full);

    assertThat(fixture.publish(null, next)).isEqualTo(PublishOutcome.CONGESTED);

    assertThat(cleanSink.takeDeliveries()).hasSize(2);
    assertThat(StoredSessions.of(store, "persistent").outbound()).hasSize(1);
    assertThat(broker.storeBytes()).isEqualTo(full);
  }

  @Test
  void publish_storeBudgetFull_qos0StillReachesPersistentSessions() {
    subscribed("persistent", false, 10);
    fixture.publish(null, retained("r", payloadCosting(MAX_STORE_BYTES - 1), Qos.AT_MOST_ONCE));

    assertThat(fixture.publish(null, message("a", "fast", Qos.AT_MOST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);

    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("fast");
  }

  @Test
  void publish_retainedOverStoreBudget_isRefusedAndTheTopicKeepsItsPreviousMessage() {
    // The store is left one byte short: "new" fits only as a replacement.
    fixture.publish(null, retained("r", "old", Qos.AT_MOST_ONCE));
    long old = Footprint.of(retained("r", "old", Qos.AT_MOST_ONCE));
    fixture.publish(null, retained("s", payloadCosting(MAX_STORE_BYTES - old - 1), Qos.AT_MOST_ONCE));
    assertThat(broker.storeBytes()).isEqualTo(MAX_STORE_BYTES - 1);

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
    assertThat(broker.storeBytes()).isEqualTo(2 * COST + Footprint.of(retained("r", "x", Qos.AT_MOST_ONCE)));

    broker.acknowledged(client, 1);
    fixture.publish(null, retained("r", "", Qos.AT_MOST_ONCE));
    assertThat(broker.storeBytes()).isEqualTo(COST);

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

    assertThat(restarted.storeBytes()).isEqualTo(COST + Footprint.of(retained("r", "x", Qos.AT_MOST_ONCE)));
  }

  /** A payload that makes a message on a one-char topic cost the byte bounds exactly {@code bytes}. */
  private static String payloadCosting(long bytes) {
    String payload = "x".repeat((int) (bytes - Footprint.of(message("a", "", Qos.AT_LEAST_ONCE))));
    assertThat(Footprint.of(message("a", payload, Qos.AT_LEAST_ONCE))).isEqualTo(bytes);
    return payload;
  }

  private List<String> storedTexts(String clientId) {
    return storedTexts(store, clientId);
  }

  private static List<String> storedTexts(MapStateStore in, String clientId) {
    return StoredSessions.of(in, clientId).outbound().stream()
        .map(stored -> new String(stored.message().payload(), StandardCharsets.UTF_8))
        .toList();
  }

  private ClientHandle subscribed(String clientId, boolean cleanSession, int window) {
    ClientHandle client = fixture.connect(clientId, cleanSession, window, sink);
    fixture.subscribe(client, "a", Qos.AT_LEAST_ONCE);
    return client;
  }
}
