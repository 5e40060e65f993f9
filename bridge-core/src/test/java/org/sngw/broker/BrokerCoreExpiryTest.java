package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/**
 * A persistent session without a connection for {@code persistent-session-expiry} (7 days here)
 * ends, with what it kept; the time it has been offline survives a restart; outboxes never expire.
 */
class BrokerCoreExpiryTest {
  private static final Duration EXPIRY = Duration.ofDays(7);
  private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
  private static final BrokerConfig CONFIG = new BrokerConfig(10, 32, 1024).withPersistentSessionExpiry(EXPIRY);
  private static final SessionOptions OUTBOX =
      new SessionOptions(true, true, true, true, OptionalInt.empty(), OptionalLong.empty());

  private final MapStateStore store = new MapStateStore();
  private final VirtualTime time = new VirtualTime();
  private final BrokerFixture fixture = new BrokerFixture(CONFIG, store, time, wallOf(time, START));
  private final RecordingSink sink = new RecordingSink();

  @Test
  void offlinePersistentSession_endsAfterTheExpiry_withItsQueueAndSubscriptions() {
    goOffline("assistant");
    fixture.publish(null, message("a", "queued", Qos.AT_LEAST_ONCE));

    time.advance(EXPIRY.minusSeconds(1));
    assertThat(store.load().broker().sessions()).extracting(s -> s.clientId()).containsExactly("assistant");

    time.advance(Duration.ofSeconds(1));
    assertThat(store.load().broker().sessions()).isEmpty();
    assertThat(fixture.broker.expiredSessions()).isEqualTo(1);
    assertThat(fixture.connect("assistant", false, 10, sink).sessionPresent()).isFalse();
    assertThat(sink.takeDeliveries()).isEmpty();
  }

  @Test
  void aClientsOwnSessionExpiry_endsItsSessionSooner_butNoLaterThanTheBrokers() {
    fixture.broker.disconnect(fixture.connect("brief", false, 10, SessionOptions.ORDINARY.withExpiry(
        Duration.ofMinutes(5)), sink), true);
    fixture.broker.disconnect(fixture.connect("greedy", false, 10, SessionOptions.ORDINARY.withExpiry(
        EXPIRY.multipliedBy(10)), sink), true);

    time.advance(Duration.ofMinutes(5));
    assertThat(store.load().broker().sessions()).extracting(s -> s.clientId()).containsExactly("greedy");
    time.advance(EXPIRY);
    assertThat(store.load().broker().sessions()).isEmpty();
  }

  @Test
  void offlineSince_isStoredAndClearedWhenAConnectionTakesTheSessionBack() {
    goOffline("assistant");
    assertThat(store.load().broker().sessions().get(0).offlineSince()).contains(START);

    time.advance(EXPIRY.minusDays(1));
    fixture.connect("assistant", false, 10, sink);

    assertThat(store.load().broker().sessions().get(0).offlineSince()).isEmpty();
    time.advance(Duration.ofDays(2));
    assertThat(fixture.broker.expiredSessions()).isZero();
  }

  @Test
  void reconnectingBeforeTheExpiry_startsTheTimeAfreshAtTheNextDisconnect() {
    goOffline("assistant");
    time.advance(Duration.ofDays(6));
    fixture.broker.disconnect(fixture.connect("assistant", false, 10, sink), true);

    time.advance(Duration.ofDays(6));
    assertThat(fixture.broker.expiredSessions()).isZero();
    time.advance(Duration.ofDays(1));
    assertThat(fixture.broker.expiredSessions()).isEqualTo(1);
  }

  @Test
  void restart_keepsTheTimeAlreadySpentOffline() {
    goOffline("assistant");
    store.stop();

    VirtualTime later = new VirtualTime();
    BrokerCore restarted = new BrokerFixture(CONFIG, store, later, wallOf(later, START.plus(Duration.ofDays(5))))
        .broker;

    later.advance(Duration.ofDays(2).minusSeconds(1));
    assertThat(restarted.expiredSessions()).isZero();
    later.advance(Duration.ofSeconds(1));
    assertThat(restarted.expiredSessions()).isEqualTo(1);
    assertThat(store.load().broker().sessions()).isEmpty();
  }

  @Test
  void restart_sessionConnectedWhenTheGatewayStopped_isOfflineFromTheRestart() {
    fixture.subscribe(fixture.connect("assistant", false, 10, sink), "a", Qos.AT_LEAST_ONCE);
    store.stop();

    VirtualTime later = new VirtualTime();
    Instant restart = START.plus(Duration.ofDays(30));
    BrokerCore restarted = new BrokerFixture(CONFIG, store, later, wallOf(later, restart)).broker;

    assertThat(store.load().broker().sessions().get(0).offlineSince()).contains(restart);
    later.advance(EXPIRY);
    assertThat(restarted.expiredSessions()).isEqualTo(1);
  }

  @Test
  void outbox_neverExpires_evenWhenItWasRestoredWithAnOfflineTime() {
    fixture.broker.prepareSession("$bridge/up", OUTBOX);
    fixture.broker.disconnect(fixture.connect("$bridge/up", false, 10, OUTBOX, sink), true);
    goOffline("assistant");
    store.stop();

    VirtualTime later = new VirtualTime();
    BrokerCore restarted = new BrokerFixture(CONFIG, store, later, wallOf(later, START)).broker;
    restarted.prepareSession("$bridge/up", OUTBOX);
    later.advance(EXPIRY.multipliedBy(3));

    assertThat(store.load().broker().sessions()).extracting(s -> s.clientId()).containsExactly("$bridge/up");
    assertThat(restarted.expiredSessions()).isEqualTo(1);
  }

  @Test
  void cleanSession_isNeverGivenAnOfflineTime() {
    fixture.broker.disconnect(fixture.connect("clean", true, 10, sink), true);

    assertThat(store.load().broker().sessions()).isEmpty();
    assertThat(time.pendingTasks()).isZero();
  }

  private void goOffline(String clientId) {
    ClientHandle client = fixture.connect(clientId, false, 10, sink);
    fixture.subscribe(client, "a", Qos.AT_LEAST_ONCE);
    fixture.broker.disconnect(client, true);
  }

  private static InstantSource wallOf(VirtualTime time, Instant start) {
    return () -> start.plusNanos(time.nanos());
  }
}
