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
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.store.StoredState;
import org.sngw.store.StoredState.Outbound;

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
      store.saveSession("c1");
      store.saveSubscription("c1", "a/#", Qos.AT_LEAST_ONCE);
      store.saveSubscription("c1", "b/+", Qos.EXACTLY_ONCE);
      store.saveSubscription("c1", "gone", Qos.AT_MOST_ONCE);
      store.deleteSubscription("c1", "gone");
      store.saveInboundId("c1", 7);
      store.saveInboundId("c1", 65535);
      store.saveInboundId("c1", 8);
      store.deleteInboundId("c1", 8);
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.sessions()).singleElement().satisfies(session -> {
      assertThat(session.clientId()).isEqualTo("c1");
      assertThat(session.subscriptions()).isEqualTo(Map.of("a/#", Qos.AT_LEAST_ONCE, "b/+", Qos.EXACTLY_ONCE));
      assertThat(session.inboundIds()).isEqualTo(Set.of(7, 65535));
      assertThat(session.outbound()).isEmpty();
    });
  }

  @Test
  void saveOfflineSince_replaced_comesBackInMilliseconds() throws StoreException {
    fixture.onCore(() -> {
      store.saveSession("c1");
      store.saveSession("c2");
      store.saveOfflineSince("c1", Instant.ofEpochSecond(1_700_000_000));
      store.saveOfflineSince("c1", Instant.ofEpochSecond(1_700_000_100, 123_456_789));
      store.saveOfflineSince("c2", Instant.ofEpochSecond(-1, 999_000_000)); // before the epoch
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.sessions()).extracting(StoredState.Session::clientId, StoredState.Session::offlineSince)
        .containsExactlyInAnyOrder(
            tuple("c1", Optional.of(Instant.ofEpochMilli(1_700_000_100_123L))),
            tuple("c2", Optional.of(Instant.ofEpochMilli(-1))));
  }

  @Test
  void deleteOfflineSince_afterSave_comesBackEmpty() throws StoreException {
    fixture.onCore(() -> {
      store.saveSession("c1");
      store.saveOfflineSince("c1", Instant.ofEpochSecond(1_700_000_000));
      store.deleteOfflineSince("c1");
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.sessions()).singleElement().satisfies(session -> assertThat(session.offlineSince()).isEmpty());
  }

  @Test
  void saveOfflineSince_ofNoSavedSession_isNotLoaded() throws StoreException {
    fixture.onCore(() -> store.saveOfflineSince("nobody", Instant.ofEpochSecond(1_700_000_000)));

    assertThat(fixture.reopen(store).sessions()).isEmpty();
  }

  @Test
  void saveOutbound_sentAndReleased_comesBackInSequenceOrder() throws StoreException {
    fixture.onCore(() -> {
      store.saveSession("c1");
      store.saveOutbound("c1", 300, M2);
      store.saveOutbound("c1", 2, M1);
      store.saveOutbound("c1", -5, M1);
      store.saveOutbound("c1", 17, M1);
      store.saveSent("c1", 2, 41);
      store.saveSent("c1", 300, 42);
      store.saveReleased("c1", 300);
      store.deleteOutbound("c1", 17);
      store.saveSent("c1", 17, 43); // gone already: ignored
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.sessions()).singleElement().extracting(StoredState.Session::outbound).isEqualTo(java.util.List.of(
        new Outbound(-5, M1, 0, false),
        new Outbound(2, M1, 41, false),
        new Outbound(300, M2, 42, true)));
  }

  @Test
  void deleteSession_removesItsRowsButNotWillsTopicIdsOrOtherClients() throws StoreException {
    Message will = message("will/c1", "bye", Qos.AT_LEAST_ONCE, false);
    fixture.onCore(() -> {
      for (String client : new String[] {"c1", "c10"}) {
        store.saveSession(client);
        store.saveSubscription(client, "x", Qos.AT_LEAST_ONCE);
        store.saveOutbound(client, 1, M1);
        store.saveInboundId(client, 3);
        store.saveOfflineSince(client, Instant.ofEpochSecond(1_700_000_000));
      }
      store.saveWill("c1", will, Duration.ofSeconds(90));
      store.saveTopicId("c1", 1, "x");
      store.deleteSession("c1");
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.sessions()).singleElement().satisfies(session -> {
      assertThat(session.clientId()).isEqualTo("c10");
      assertThat(session.outbound()).hasSize(1);
      assertThat(session.subscriptions()).hasSize(1);
      assertThat(session.inboundIds()).hasSize(1);
      assertThat(session.offlineSince()).contains(Instant.ofEpochSecond(1_700_000_000));
    });
    assertThat(state.wills()).containsExactly(new StoredState.Will("c1", will, Duration.ofSeconds(90)));
    assertThat(state.topicIds()).isEqualTo(Map.of("c1", Map.of(1, "x")));
  }

  @Test
  void deleteSession_thenSaveSession_startsClean() throws StoreException {
    fixture.onCore(() -> {
      store.saveSession("c1");
      store.saveSubscription("c1", "x", Qos.AT_LEAST_ONCE);
      store.saveOfflineSince("c1", Instant.ofEpochSecond(1_700_000_000));
      store.deleteSession("c1");
      store.saveSession("c1");
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.sessions())
        .containsExactly(new StoredState.Session("c1", Map.of(), java.util.List.of(), Set.of(), Optional.empty()));
  }

  @Test
  void saveRetained_replacedAndDeleted_keepsTheLatest() throws StoreException {
    Message first = message("r/1", "first", Qos.AT_MOST_ONCE, true);
    Message latest = message("r/1", "latest", Qos.AT_LEAST_ONCE, true);
    Message other = message("r/2", "other", Qos.AT_MOST_ONCE, true);
    fixture.onCore(() -> {
      store.saveRetained(first);
      store.saveRetained(other);
      store.saveRetained(latest);
      store.saveRetained(message("r/3", "x", Qos.AT_MOST_ONCE, true));
      store.deleteRetained("r/3");
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.retained()).containsExactlyInAnyOrder(latest, other);
  }

  @Test
  void saveWill_andDeleteWill_roundTrip() throws StoreException {
    Message will = message("will/a", "gone", Qos.EXACTLY_ONCE, true);
    fixture.onCore(() -> {
      store.saveWill("a", will, Duration.ofMillis(1_500));
      store.saveWill("b", will, Duration.ZERO);
      store.deleteWill("b");
    });

    StoredState state = fixture.reopen(store);

    assertThat(state.wills()).containsExactly(new StoredState.Will("a", will, Duration.ofMillis(1_500)));
  }

  @Test
  void saveTopicId_andDeleteTopicIds_roundTrip() throws StoreException {
    fixture.onCore(() -> {
      store.saveTopicId("s1", 1, "sensors/temp");
      store.saveTopicId("s1", 0xFFFF, "sensors/hum");
      store.saveTopicId("s2", 5, "x");
      store.saveTopicId("s3", 6, "y");
      store.deleteTopicIds("s3");
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
