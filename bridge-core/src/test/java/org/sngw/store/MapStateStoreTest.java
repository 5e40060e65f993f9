package org.sngw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sngw.message.Message;
import org.sngw.message.Qos;

class MapStateStoreTest {
  private final MapStateStore store = new MapStateStore();
  private final List<String> ran = new ArrayList<>();

  @Test
  void load_afterWrites_returnsWhatWasSaved() {
    store.saveSession("c");
    store.saveSubscription("c", "a/+", Qos.AT_LEAST_ONCE);
    store.saveOutbound("c", 1, message("a/b", "queued"));
    store.saveOutbound("c", 2, message("a/b", "sent"));
    store.saveSent("c", 2, 7);
    store.saveOutbound("c", 3, message("a/b", "released"));
    store.saveSent("c", 3, 8);
    store.saveReleased("c", 3);
    store.saveInboundId("c", 5);
    store.saveRetained(message("r", "kept"));
    store.saveWill("w", message("will", "gone"), Duration.ofSeconds(10));
    store.saveTopicId("c", 1, "a/b");

    StoredState state = store.load();

    assertThat(state.sessions()).singleElement().satisfies(session -> {
      assertThat(session.clientId()).isEqualTo("c");
      assertThat(session.subscriptions()).isEqualTo(Map.of("a/+", Qos.AT_LEAST_ONCE));
      assertThat(session.outbound()).containsExactly(
          new StoredState.Outbound(1, message("a/b", "queued"), 0, false),
          new StoredState.Outbound(2, message("a/b", "sent"), 7, false),
          new StoredState.Outbound(3, message("a/b", "released"), 8, true));
      assertThat(session.inboundIds()).containsExactly(5);
    });
    assertThat(state.retained()).containsExactly(message("r", "kept"));
    assertThat(state.wills())
        .containsExactly(new StoredState.Will("w", message("will", "gone"), Duration.ofSeconds(10)));
    assertThat(state.topicIds()).isEqualTo(Map.of("c", Map.of(1, "a/b")));
  }

  @Test
  void deleteSession_dropsItsSubscriptionsOutboundAndInboundIds() {
    store.saveSession("c");
    store.saveSubscription("c", "a", Qos.AT_LEAST_ONCE);
    store.saveOutbound("c", 1, message("a", "x"));
    store.saveInboundId("c", 5);

    store.deleteSession("c");

    assertThat(store.load().sessions()).isEmpty();
  }

  @Test
  void saveOfflineSince_replaced_loadsTheLatestInMilliseconds() {
    store.saveSession("c");
    store.saveOfflineSince("c", Instant.ofEpochSecond(100));
    store.saveOfflineSince("c", Instant.ofEpochSecond(200, 123_456_789));

    assertThat(onlySession().offlineSince()).contains(Instant.ofEpochMilli(200_123));
  }

  @Test
  void deleteOfflineSince_afterSave_loadsEmpty() {
    store.saveSession("c");
    store.saveOfflineSince("c", Instant.ofEpochSecond(100));

    store.deleteOfflineSince("c");

    assertThat(onlySession().offlineSince()).isEmpty();
  }

  @Test
  void deleteSession_thenSaveSession_isNotOffline() {
    store.saveSession("c");
    store.saveOfflineSince("c", Instant.ofEpochSecond(100));

    store.deleteSession("c");
    store.saveSession("c");

    assertThat(onlySession().offlineSince()).isEmpty();
  }

  @Test
  void afterDurable_notDeferring_runsAtOnce() {
    store.saveSession("c");

    store.afterDurable(() -> ran.add("a"));

    assertThat(ran).containsExactly("a");
  }

  @Test
  void afterDurable_deferring_waitsForFlushAndKeepsOrder() {
    store.deferDurability();
    store.saveSession("c");
    store.afterDurable(() -> ran.add("first"));
    store.afterDurable(() -> ran.add("second, nothing new written"));
    assertThat(ran).isEmpty();
    assertThat(store.load().sessions()).isEmpty();

    store.flush();

    assertThat(ran).containsExactly("first", "second, nothing new written");
    assertThat(store.load().sessions()).hasSize(1);
  }

  @Test
  void afterDurable_deferringWithNothingUnflushed_runsAtOnce() {
    store.deferDurability();

    store.afterDurable(() -> ran.add("a"));

    assertThat(ran).containsExactly("a");
  }

  @Test
  void flush_actionThatWritesAndWaits_waitsForTheNextFlush() {
    store.deferDurability();
    store.saveSession("c");
    store.afterDurable(() -> {
      ran.add("first");
      store.saveSubscription("c", "a", Qos.AT_MOST_ONCE);
      store.afterDurable(() -> ran.add("after its own write"));
    });
    store.afterDurable(() -> ran.add("second"));

    store.flush();
    assertThat(ran).containsExactly("first", "second");

    store.flush();
    assertThat(ran).containsExactly("first", "second", "after its own write");
  }

  @Test
  void crash_losesUnflushedWritesAndWaitingActions() {
    store.deferDurability();
    store.saveSession("kept");
    store.flush();
    store.saveSession("lost");
    store.afterDurable(() -> ran.add("never"));

    store.crash();
    store.flush();

    assertThat(ran).isEmpty();
    assertThat(store.load().sessions()).extracting(StoredState.Session::clientId).containsExactly("kept");
    // What was lost may be written again.
    store.saveSession("lost");
  }

  @Test
  void stop_keepsUnflushedWritesButDropsWaitingActions() {
    store.deferDurability();
    store.saveSession("c");
    store.afterDurable(() -> ran.add("never"));

    store.stop();
    store.flush();

    assertThat(ran).isEmpty();
    assertThat(store.load().sessions()).hasSize(1);
  }

  @Test
  void writes_revealingCallerBugs_throwAtTheCall() {
    store.saveSession("c");
    store.saveOutbound("c", 1, message("a", "x"));

    assertThatThrownBy(() -> store.saveSubscription("unknown", "a", Qos.AT_MOST_ONCE))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.saveOfflineSince("unknown", Instant.EPOCH))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.saveSession("c")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.saveOutbound("c", 1, message("a", "y"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.saveSent("c", 2, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.saveReleased("c", 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.deleteOutbound("c", 2)).isInstanceOf(IllegalStateException.class);
    assertThat(store.writeCount()).isEqualTo(2);
  }

  private StoredState.Session onlySession() {
    assertThat(store.load().sessions()).hasSize(1);
    return store.load().sessions().get(0);
  }

  private static Message message(String topic, String payload) {
    return new Message(topic, payload.getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false);
  }
}
