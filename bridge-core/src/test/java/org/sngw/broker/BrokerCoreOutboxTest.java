package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/**
 * The bridge's session as a store-and-forward outbox: QoS 0 queued and stored in order with QoS
 * 1/2, its own queue bounds, and its options while offline after a restart. Ordinary sessions
 * beside it keep the broker's defaults: 2 queued messages, bytes for 4 small ones. The outbox has
 * 6 messages and bytes for 10 small ones.
 */
class BrokerCoreOutboxTest {
  /** What a small message, on "out" with a 2-char payload like "m0", costs the byte bounds. */
  private static final long SMALL = Footprint.of(message("out", "m0", Qos.AT_LEAST_ONCE));
  private static final long ORDINARY_BYTES = 4 * SMALL;
  private static final long OUTBOX_BYTES = 10 * SMALL;
  private static final String OUTBOX_ID = "$bridge/up";
  private static final SessionOptions OUTBOX =
      new SessionOptions(true, false, true, true, OptionalInt.of(6), OptionalLong.of(OUTBOX_BYTES));
  private static final BrokerConfig CONFIG = new BrokerConfig(2, 32, 1024, ORDINARY_BYTES, 20 * SMALL);

  private final MapStateStore store = new MapStateStore();
  private final BrokerFixture fixture = new BrokerFixture(CONFIG, store, new VirtualTime());
  private final RecordingSink sink = new RecordingSink();

  @Test
  void publish_qos0WhileOutboxOffline_isQueuedAndDeliveredInOrderWithQos1And2OnReattach() {
    outboxOffline();
    publish("0a", Qos.AT_MOST_ONCE);
    publish("1a", Qos.AT_LEAST_ONCE);
    publish("0b", Qos.AT_MOST_ONCE);
    publish("2a", Qos.EXACTLY_ONCE);

    fixture.connect(OUTBOX_ID, false, 64, OUTBOX, sink);

    assertThat(sink.takeDeliveries()).containsExactly(
        new Delivery(0, false, message("out", "0a", Qos.AT_MOST_ONCE)),
        new Delivery(1, false, message("out", "1a", Qos.AT_LEAST_ONCE)),
        new Delivery(0, false, message("out", "0b", Qos.AT_MOST_ONCE)),
        new Delivery(2, false, message("out", "2a", Qos.EXACTLY_ONCE)));
  }

  @Test
  void publish_qos0BehindQueuedMessages_waitsItsTurnAndTakesNoWindowSlot() {
    ClientHandle outbox = outbox(1);
    publish("in flight", Qos.AT_LEAST_ONCE);
    publish("queued", Qos.AT_LEAST_ONCE);
    publish("behind", Qos.AT_MOST_ONCE);
    publish("last", Qos.AT_LEAST_ONCE);
    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("in flight");

    fixture.broker.acknowledged(outbox, 1);

    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("queued", "behind");
    fixture.broker.acknowledged(outbox, 2);
    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("last");
  }

  @Test
  void publish_qos0WithWindowFullAndNothingQueued_isDeliveredAtOnceWithoutStoring() {
    outbox(1);
    publish("in flight", Qos.AT_LEAST_ONCE);

    publish("now", Qos.AT_MOST_ONCE);

    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("in flight", "now");
    assertThat(storedTexts()).containsExactly("in flight");
  }

  @Test
  void restart_queuedQos0_isRestoredInOrderAndLeavesTheStoreWhenHandedOver() {
    outboxOffline();
    publish("zero", Qos.AT_MOST_ONCE);
    publish("one", Qos.AT_LEAST_ONCE);
    assertThat(StoredSessions.of(store, OUTBOX_ID).outbound()).extracting(o -> o.message().qos())
        .containsExactly(Qos.AT_MOST_ONCE, Qos.AT_LEAST_ONCE);

    store.crash();
    fixture.restart();
    ClientHandle outbox = fixture.connect(OUTBOX_ID, false, 64, OUTBOX, sink);

    assertThat(sink.takeDeliveries()).containsExactly(
        new Delivery(0, false, message("out", "zero", Qos.AT_MOST_ONCE)),
        new Delivery(1, false, message("out", "one", Qos.AT_LEAST_ONCE)));
    assertThat(storedTexts()).as("QoS 0 is done once handed over").containsExactly("one");
    fixture.broker.acknowledged(outbox, 1);
    assertThat(storedTexts()).isEmpty();
    assertThat(fixture.broker.storeBytes()).isZero();
  }

  @Test
  void publish_qos0ForOfflineOrdinarySession_isNeitherQueuedNorStored() {
    ClientHandle plain = fixture.connect("plain", false, 10, sink);
    fixture.subscribe(plain, "out", Qos.EXACTLY_ONCE);
    fixture.broker.disconnect(plain, true);

    publish("lost", Qos.AT_MOST_ONCE);

    assertThat(StoredSessions.of(store, "plain").outbound()).isEmpty();
    fixture.connect("plain", false, 10, sink);
    assertThat(sink.take()).isEmpty();
  }

  @Test
  void publish_qos0ForOrdinarySessionWithQueuedMessages_isDeliveredAtOnce() {
    fixture.subscribe(fixture.connect("plain", true, 1, sink), "out", Qos.EXACTLY_ONCE);
    publish("in flight", Qos.AT_LEAST_ONCE);
    publish("queued", Qos.AT_LEAST_ONCE);

    publish("overtakes", Qos.AT_MOST_ONCE);

    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("in flight", "overtakes");
  }

  @Test
  void publish_outboxQueue_boundedByItsOwnMessageLimitNotTheDefault() {
    outboxOffline();
    plainOffline();

    for (int i = 0; i < 6; i++) {
      assertThat(publish("m" + i, Qos.AT_LEAST_ONCE)).isEqualTo(PublishOutcome.ACCEPTED);
    }
    assertThat(publish("m6", Qos.AT_LEAST_ONCE)).isEqualTo(PublishOutcome.CONGESTED);

    for (String text : List.of("p0", "p1", "p2")) {
      assertThat(fixture.publish(null, message("plain", text, Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);
    }
    assertThat(storedTexts(store, "plain")).as("an ordinary session drops its oldest").containsExactly("p1", "p2");
  }

  @Test
  void publish_outboxQueue_boundedByItsOwnByteLimitNotTheDefault() {
    outboxOffline();
    plainOffline();
    // A payload as long as an ordinary session's whole byte bound, and one that, beside it, is a
    // byte more than the outbox holds.
    String big = "x".repeat((int) ORDINARY_BYTES);
    String rest = payloadCosting(OUTBOX_BYTES - Footprint.of(message("out", big, Qos.AT_LEAST_ONCE)) + 1);

    assertThat(publish(big, Qos.AT_LEAST_ONCE)).isEqualTo(PublishOutcome.ACCEPTED);
    assertThat(fixture.publish(null, message("plain", big, Qos.AT_LEAST_ONCE)))
        .as("over an ordinary session's bytes on its own: dropped for it alone").isEqualTo(PublishOutcome.ACCEPTED);
    assertThat(storedTexts(store, "plain")).isEmpty();
    assertThat(publish(rest, Qos.AT_LEAST_ONCE)).as("one byte more than the outbox has left")
        .isEqualTo(PublishOutcome.CONGESTED);
  }

  @Test
  void publish_outboxPastTheStoreBudget_refusesQos1AndDropsQos0() {
    // Two messages on "out" with a 7-byte payload fill the store budget.
    long storeBytes = 2 * Footprint.of(message("out", "first 1", Qos.AT_LEAST_ONCE));
    MapStateStore tightStore = new MapStateStore();
    BrokerFixture tight =
        new BrokerFixture(new BrokerConfig(2, 32, 1024, ORDINARY_BYTES, storeBytes), tightStore, new VirtualTime());
    tight.broker.disconnect(subscribedOutbox(tight, 64), true);
    tight.publish(null, message("out", "first 1", Qos.AT_LEAST_ONCE));
    tight.publish(null, message("out", "second1", Qos.AT_LEAST_ONCE));

    assertThat(tight.publish(null, message("out", "third 1", Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.CONGESTED);
    assertThat(tight.publish(null, message("out", "zero", Qos.AT_MOST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);

    assertThat(tight.broker.droppedMessages()).isEqualTo(1);
    assertThat(storedTexts(tightStore)).containsExactly("first 1", "second1");
  }

  @Test
  void publish_outboxFull_dropsItsOldestQos0FromQueueAndStore() {
    outboxOffline();
    publish("old zero", Qos.AT_MOST_ONCE);
    for (int i = 0; i < 5; i++) {
      publish("m" + i, Qos.AT_LEAST_ONCE);
    }

    assertThat(publish("m5", Qos.AT_LEAST_ONCE)).isEqualTo(PublishOutcome.ACCEPTED);

    assertThat(fixture.broker.droppedMessages()).isEqualTo(1);
    assertThat(storedTexts()).containsExactly("m0", "m1", "m2", "m3", "m4", "m5");
    assertThat(fixture.broker.storeBytes()).isEqualTo(6 * SMALL);
  }

  @Test
  void prepareSession_restoredOutbox_queuesByItsOptionsBeforeTheBridgeConnects() {
    outboxOffline();
    store.crash();
    fixture.restart();

    fixture.broker.prepareSession(OUTBOX_ID, OUTBOX);
    publish("zero", Qos.AT_MOST_ONCE);
    for (int i = 0; i < 3; i++) {
      assertThat(publish("m" + i, Qos.AT_LEAST_ONCE)).isEqualTo(PublishOutcome.ACCEPTED);
    }
    fixture.connect(OUTBOX_ID, false, 64, OUTBOX, sink);

    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("zero", "m0", "m1", "m2");
  }

  @Test
  void restart_outboxNotPrepared_queuesLikeAnOrdinarySessionUntilItConnects() {
    outboxOffline();
    store.crash();
    fixture.restart();

    publish("zero", Qos.AT_MOST_ONCE);
    publish("m0", Qos.AT_LEAST_ONCE);
    publish("m1", Qos.AT_LEAST_ONCE);

    assertThat(publish("m2", Qos.AT_LEAST_ONCE)).isEqualTo(PublishOutcome.ACCEPTED);
    assertThat(storedTexts()).containsExactly("m1", "m2");
  }

  @Test
  void prepareSession_unknownClientId_createsAnOfflinePersistentSession() {
    fixture.broker.prepareSession(OUTBOX_ID, OUTBOX);

    assertThat(StoredSessions.of(store, OUTBOX_ID).subscriptions()).isEmpty();
    assertThat(fixture.connect(OUTBOX_ID, false, 64, OUTBOX, sink).sessionPresent()).isTrue();
  }

  @Test
  void prepareSession_clientIdHeldByCleanSession_takesItOverAndStartsAfresh() {
    RecordingSink squatter = new RecordingSink();
    fixture.subscribe(fixture.connect(OUTBOX_ID, true, 10, squatter), "out", Qos.AT_LEAST_ONCE);

    fixture.broker.prepareSession(OUTBOX_ID, OUTBOX);
    publish("for nobody", Qos.AT_LEAST_ONCE);

    assertThat(squatter.take()).containsExactly(new RecordingSink.TakenOver());
    assertThat(StoredSessions.of(store, OUTBOX_ID).subscriptions()).isEmpty();
    assertThat(storedTexts()).isEmpty();
  }

  @Test
  void connect_withOrdinaryOptions_replacesTheOutboxOptions() {
    outboxOffline();
    fixture.broker.disconnect(fixture.connect(OUTBOX_ID, false, 64, SessionOptions.ORDINARY, sink), true);

    publish("zero", Qos.AT_MOST_ONCE);
    publish("m0", Qos.AT_LEAST_ONCE);
    publish("m1", Qos.AT_LEAST_ONCE);

    assertThat(publish("m2", Qos.AT_LEAST_ONCE)).isEqualTo(PublishOutcome.ACCEPTED);
    assertThat(storedTexts()).as("dropping its oldest like any ordinary session").containsExactly("m1", "m2");
  }

  private ClientHandle outbox(int window) {
    return subscribedOutbox(fixture, window);
  }

  private ClientHandle subscribedOutbox(BrokerFixture on, int window) {
    ClientHandle outbox = on.connect(OUTBOX_ID, false, window, OUTBOX, sink);
    on.subscribe(outbox, "out", Qos.EXACTLY_ONCE);
    return outbox;
  }

  /** The bridge's session subscribed to "out" and detached: its upstream is unreachable. */
  private void outboxOffline() {
    fixture.broker.disconnect(outbox(64), true);
  }

  private void plainOffline() {
    ClientHandle plain = fixture.connect("plain", false, 10, new RecordingSink());
    fixture.subscribe(plain, "plain", Qos.AT_LEAST_ONCE);
    fixture.broker.disconnect(plain, true);
  }

  /** A payload that makes a message on "out" cost the byte bounds exactly {@code bytes}. */
  private static String payloadCosting(long bytes) {
    String payload = "x".repeat((int) (bytes - Footprint.of(message("out", "", Qos.AT_LEAST_ONCE))));
    assertThat(Footprint.of(message("out", payload, Qos.AT_LEAST_ONCE))).isEqualTo(bytes);
    return payload;
  }

  private PublishOutcome publish(String payload, Qos qos) {
    return fixture.publish(null, message("out", payload, qos));
  }

  private List<String> storedTexts() {
    return storedTexts(store);
  }

  private static List<String> storedTexts(MapStateStore in) {
    return storedTexts(in, OUTBOX_ID);
  }

  private static List<String> storedTexts(MapStateStore in, String clientId) {
    return StoredSessions.of(in, clientId).outbound().stream()
        .map(stored -> new String(stored.message().payload(), StandardCharsets.UTF_8))
        .toList();
  }
}
