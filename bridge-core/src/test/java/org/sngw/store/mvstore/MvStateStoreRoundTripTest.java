package org.sngw.store.mvstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.sngw.store.mvstore.StoreFixture.message;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.broker.BrokerChange;
import org.sngw.broker.DeliveryOptions;
import org.sngw.broker.Subscription;
import org.sngw.broker.ClientIdentity;
import org.sngw.broker.RestoredState.Outbound;
import org.sngw.broker.RestoredState;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.sn.gateway.TopicIdChange;
import org.sngw.store.StoredState;

/** Every save and delete, through close, a new open and {@code load()}. */
class MvStateStoreRoundTripTest {
  private static final Message M1 = message("a/b", "one", Qos.AT_LEAST_ONCE, false);
  private static final Message M2 = message("a/c", "two", Qos.EXACTLY_ONCE, true);

  @TempDir Path dir;
  private StoreFixture fixture;
  private MvStateStore store;

  @BeforeEach
  void openStore() throws StoreException {
    fixture = new StoreFixture(dir);
    store = fixture.open();
  }

  @AfterEach
  void closeAll() {
    store.close();
    fixture.close();
  }

  @Test
  void load_newFile_isEmpty() {
    assertThat(store.load()).isEqualTo(StoredState.empty());
    assertThat(fixture.file()).exists();
  }

  @Test
  void saveSession_withSubscriptionsAndInboundIds_comesBack() throws StoreException {
    fixture.onCore(() -> {
      store.write(new BrokerChange.SessionSaved("c1"));
      store.write(new BrokerChange.SubscriptionSaved("c1", "a/#", Qos.AT_LEAST_ONCE));
      store.write(new BrokerChange.SubscriptionSaved("c1", "b/+", Qos.EXACTLY_ONCE));
      store.write(new BrokerChange.SubscriptionSaved("c1", "gone", Qos.AT_MOST_ONCE));
      store.write(new BrokerChange.SubscriptionDeleted("c1", "gone"));
      store.write(new BrokerChange.InboundIdSaved("c1", 7));
      store.write(new BrokerChange.InboundIdSaved("c1", 65535));
      store.write(new BrokerChange.InboundIdSaved("c1", 8));
      store.write(new BrokerChange.InboundIdDeleted("c1", 8));
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.broker().sessions()).singleElement().satisfies(session -> {
      assertThat(session.clientId()).isEqualTo("c1");
      assertThat(session.subscriptions()).isEqualTo(Map.of("a/#", Qos.AT_LEAST_ONCE, "b/+", Qos.EXACTLY_ONCE));
      assertThat(session.inboundIds()).isEqualTo(Set.of(7, 65535));
      assertThat(session.outbound()).isEmpty();
    });
  }

  @Test
  void saveSubscription_withMqtt5Options_comesBackWithThem_andAPlainOneWithout() throws StoreException {
    DeliveryOptions options = new DeliveryOptions(true, true, Subscription.MAX_IDENTIFIER);
    fixture.onCore(() -> {
      store.write(new BrokerChange.SessionSaved("c1"));
      store.write(new BrokerChange.SubscriptionSaved("c1", "a/#", Qos.AT_LEAST_ONCE, options));
      store.write(new BrokerChange.SubscriptionSaved("c1", "b", Qos.EXACTLY_ONCE, new DeliveryOptions(false, false, 9)));
      store.write(new BrokerChange.SubscriptionSaved("c1", "b", Qos.EXACTLY_ONCE));
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.broker().sessions()).singleElement().satisfies(session -> {
      assertThat(session.subscriptions()).isEqualTo(Map.of("a/#", Qos.AT_LEAST_ONCE, "b", Qos.EXACTLY_ONCE));
      assertThat(session.subscriptionOptions()).isEqualTo(Map.of("a/#", options));
    });
  }

  @Test
  void saveOfflineSince_replaced_comesBackInMilliseconds() throws StoreException {
    fixture.onCore(() -> {
      store.write(new BrokerChange.SessionSaved("c1"));
      store.write(new BrokerChange.SessionSaved("c2"));
      store.write(new BrokerChange.OfflineSinceSaved("c1", Instant.ofEpochSecond(1_700_000_000)));
      store.write(new BrokerChange.OfflineSinceSaved("c1", Instant.ofEpochSecond(1_700_000_100, 123_456_789)));
      store.write(new BrokerChange.OfflineSinceSaved("c2", Instant.ofEpochSecond(-1, 999_000_000))); // before the epoch
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.broker().sessions())
        .extracting(RestoredState.Session::clientId, RestoredState.Session::offlineSince)
        .containsExactlyInAnyOrder(
            tuple("c1", Optional.of(Instant.ofEpochMilli(1_700_000_100_123L))),
            tuple("c2", Optional.of(Instant.ofEpochMilli(-1))));
  }

  @Test
  void deleteOfflineSince_afterSave_comesBackEmpty() throws StoreException {
    fixture.onCore(() -> {
      store.write(new BrokerChange.SessionSaved("c1"));
      store.write(new BrokerChange.OfflineSinceSaved("c1", Instant.ofEpochSecond(1_700_000_000)));
      store.write(new BrokerChange.OfflineSinceDeleted("c1"));
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.broker().sessions())
        .singleElement().satisfies(session -> assertThat(session.offlineSince()).isEmpty());
  }

  @Test
  void saveOfflineSince_ofNoSavedSession_isNotLoaded() throws StoreException {
    fixture.onCore(
        () -> store.write(new BrokerChange.OfflineSinceSaved("nobody", Instant.ofEpochSecond(1_700_000_000))));

    assertThat(fixture.reopen(store).broker().sessions()).isEmpty();
  }

  @Test
  void saveOutbound_sentAndReleased_comesBackInSequenceOrder() throws StoreException {
    fixture.onCore(() -> {
      store.write(new BrokerChange.SessionSaved("c1"));
      store.write(new BrokerChange.OutboundSaved("c1", 300, M2));
      store.write(new BrokerChange.OutboundSaved("c1", 2, M1));
      store.write(new BrokerChange.OutboundSaved("c1", -5, M1));
      store.write(new BrokerChange.OutboundSaved("c1", 17, M1));
      store.write(new BrokerChange.Sent("c1", 2, 41));
      store.write(new BrokerChange.Sent("c1", 300, 42));
      store.write(new BrokerChange.Released("c1", 300));
      store.write(new BrokerChange.OutboundDeleted("c1", 17));
      store.write(new BrokerChange.Sent("c1", 17, 43)); // gone already: ignored
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.broker().sessions()).singleElement().extracting(RestoredState.Session::outbound)
        .isEqualTo(java.util.List.of(
            new Outbound(-5, M1, 0, false),
            new Outbound(2, M1, 41, false),
            new Outbound(300, M2, 42, true)));
  }

  @Test
  void deleteSession_removesItsRowsButNotWillsTopicIdsOrOtherClients() throws StoreException {
    Message will = message("will/c1", "bye", Qos.AT_LEAST_ONCE, false);
    fixture.onCore(() -> {
      for (String client : new String[] {"c1", "c10"}) {
        store.write(new BrokerChange.SessionSaved(client));
        store.write(new BrokerChange.SubscriptionSaved(client, "x", Qos.AT_LEAST_ONCE));
        store.write(new BrokerChange.OutboundSaved(client, 1, M1));
        store.write(new BrokerChange.InboundIdSaved(client, 3));
        store.write(new BrokerChange.OfflineSinceSaved(client, Instant.ofEpochSecond(1_700_000_000)));
      }
      store.write(new BrokerChange.WillSaved("c1", will, Duration.ofSeconds(90)));
      store.write(new TopicIdChange.Saved("c1", 1, "x"));
      store.write(new BrokerChange.SessionDeleted("c1"));
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.broker().sessions()).singleElement().satisfies(session -> {
      assertThat(session.clientId()).isEqualTo("c10");
      assertThat(session.outbound()).hasSize(1);
      assertThat(session.subscriptions()).hasSize(1);
      assertThat(session.inboundIds()).hasSize(1);
      assertThat(session.offlineSince()).contains(Instant.ofEpochSecond(1_700_000_000));
    });
    assertThat(state.broker().wills()).containsExactly(new RestoredState.Will("c1", will, Duration.ofSeconds(90)));
    assertThat(state.topicIds()).isEqualTo(Map.of("c1", Map.of(1, "x")));
  }

  @Test
  void deleteSession_thenSaveSession_startsClean() throws StoreException {
    fixture.onCore(() -> {
      store.write(new BrokerChange.SessionSaved("c1"));
      store.write(new BrokerChange.SubscriptionSaved("c1", "x", Qos.AT_LEAST_ONCE));
      store.write(new BrokerChange.OfflineSinceSaved("c1", Instant.ofEpochSecond(1_700_000_000)));
      store.write(new BrokerChange.SessionDeleted("c1"));
      store.write(new BrokerChange.SessionSaved("c1"));
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.broker().sessions())
        .containsExactly(new RestoredState.Session("c1", Map.of(), java.util.List.of(), Set.of(), Optional.empty(),
            Optional.empty()));
  }

  @Test
  void owner_isKeptAcrossAReopen_andGoesWithItsSession() throws StoreException {
    ClientIdentity alice = new ClientIdentity("c1", Optional.of("alice"), ClientIdentity.Origin.MQTT);
    ClientIdentity sensor = new ClientIdentity("c2", Optional.empty(), ClientIdentity.Origin.MQTT_SN);
    fixture.onCore(() -> {
      store.write(new BrokerChange.SessionSaved("c1"));
      store.write(new BrokerChange.OwnerSaved(alice));
      store.write(new BrokerChange.SessionSaved("c2"));
      store.write(new BrokerChange.OwnerSaved(sensor));
      store.write(new BrokerChange.SessionSaved("c3"));
      store.write(new BrokerChange.SessionDeleted("c3"));
      store.write(new BrokerChange.OwnerSaved(new ClientIdentity("c3", Optional.empty(), ClientIdentity.Origin.MQTT)));
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.broker().sessions())
        .extracting(RestoredState.Session::owner)
        .as("a deleted session's late owner does not bring it back")
        .containsExactlyInAnyOrder(Optional.of(alice), Optional.of(sensor));
  }

  @Test
  void saveRetained_replacedAndDeleted_keepsTheLatest() throws StoreException {
    Message first = message("r/1", "first", Qos.AT_MOST_ONCE, true);
    Message latest = message("r/1", "latest", Qos.AT_LEAST_ONCE, true);
    Message other = message("r/2", "other", Qos.AT_MOST_ONCE, true);
    fixture.onCore(() -> {
      store.write(new BrokerChange.RetainedSaved(first));
      store.write(new BrokerChange.RetainedSaved(other));
      store.write(new BrokerChange.RetainedSaved(latest));
      store.write(new BrokerChange.RetainedSaved(message("r/3", "x", Qos.AT_MOST_ONCE, true)));
      store.write(new BrokerChange.RetainedDeleted("r/3"));
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.broker().retained()).containsExactlyInAnyOrder(latest, other);
  }

  @Test
  void saveWill_andDeleteWill_roundTrip() throws StoreException {
    Message will = message("will/a", "gone", Qos.EXACTLY_ONCE, true);
    fixture.onCore(() -> {
      store.write(new BrokerChange.WillSaved("a", will, Duration.ofMillis(1_500)));
      store.write(new BrokerChange.WillSaved("b", will, Duration.ZERO));
      store.write(new BrokerChange.WillDeleted("b"));
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.broker().wills()).containsExactly(new RestoredState.Will("a", will, Duration.ofMillis(1_500)));
  }

  @Test
  void saveTopicId_andDeleteTopicIds_roundTrip() throws StoreException {
    fixture.onCore(() -> {
      store.write(new TopicIdChange.Saved("s1", 1, "sensors/temp"));
      store.write(new TopicIdChange.Saved("s1", 0xFFFF, "sensors/hum"));
      store.write(new TopicIdChange.Saved("s2", 5, "x"));
      store.write(new TopicIdChange.Saved("s3", 6, "y"));
      store.write(new TopicIdChange.AllDeleted("s3"));
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.topicIds()).isEqualTo(Map.of(
        "s1", Map.of(1, "sensors/temp", 0xFFFF, "sensors/hum"),
        "s2", Map.of(5, "x")));
  }

  @Test
  void close_twice_isHarmless() {
    store.close();
    store.close();

    assertThat(fixture.file()).exists();
  }
}
