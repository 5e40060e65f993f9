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
import org.sngw.broker.BrokerChange;
import org.sngw.broker.RestoredState;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.sn.gateway.TopicIdChange;

class MapStateStoreTest {
  private final MapStateStore store = new MapStateStore();
  private final List<String> ran = new ArrayList<>();

  @Test
  void load_afterWrites_returnsWhatWasSaved() {
    store.write(new BrokerChange.SessionSaved("c"));
    store.write(new BrokerChange.SubscriptionSaved("c", "a/+", Qos.AT_LEAST_ONCE));
    store.write(new BrokerChange.OutboundSaved("c", 1, message("a/b", "queued")));
    store.write(new BrokerChange.OutboundSaved("c", 2, message("a/b", "sent")));
    store.write(new BrokerChange.Sent("c", 2, 7));
    store.write(new BrokerChange.OutboundSaved("c", 3, message("a/b", "released")));
    store.write(new BrokerChange.Sent("c", 3, 8));
    store.write(new BrokerChange.Released("c", 3));
    store.write(new BrokerChange.InboundIdSaved("c", 5));
    store.write(new BrokerChange.RetainedSaved(message("r", "kept")));
    store.write(new BrokerChange.WillSaved("w", message("will", "gone"), Duration.ofSeconds(10)));
    store.write(new TopicIdChange.Saved("c", 1, "a/b"));

    StoredState state = store.load();

    assertThat(state.broker().sessions()).singleElement().satisfies(session -> {
      assertThat(session.clientId()).isEqualTo("c");
      assertThat(session.subscriptions()).isEqualTo(Map.of("a/+", Qos.AT_LEAST_ONCE));
      assertThat(session.outbound()).containsExactly(
          new RestoredState.Outbound(1, message("a/b", "queued"), 0, false),
          new RestoredState.Outbound(2, message("a/b", "sent"), 7, false),
          new RestoredState.Outbound(3, message("a/b", "released"), 8, true));
      assertThat(session.inboundIds()).containsExactly(5);
    });
    assertThat(state.broker().retained()).containsExactly(message("r", "kept"));
    assertThat(state.broker().wills())
        .containsExactly(new RestoredState.Will("w", message("will", "gone"), Duration.ofSeconds(10)));
    assertThat(state.topicIds()).isEqualTo(Map.of("c", Map.of(1, "a/b")));
  }

  @Test
  void deleteSession_dropsItsSubscriptionsOutboundAndInboundIds() {
    store.write(new BrokerChange.SessionSaved("c"));
    store.write(new BrokerChange.SubscriptionSaved("c", "a", Qos.AT_LEAST_ONCE));
    store.write(new BrokerChange.OutboundSaved("c", 1, message("a", "x")));
    store.write(new BrokerChange.InboundIdSaved("c", 5));

    store.write(new BrokerChange.SessionDeleted("c"));

    assertThat(store.load().broker().sessions()).isEmpty();
  }

  @Test
  void saveOfflineSince_replaced_loadsTheLatestInMilliseconds() {
    store.write(new BrokerChange.SessionSaved("c"));
    store.write(new BrokerChange.OfflineSinceSaved("c", Instant.ofEpochSecond(100)));
    store.write(new BrokerChange.OfflineSinceSaved("c", Instant.ofEpochSecond(200, 123_456_789)));

    assertThat(onlySession().offlineSince()).contains(Instant.ofEpochMilli(200_123));
  }

  @Test
  void deleteOfflineSince_afterSave_loadsEmpty() {
    store.write(new BrokerChange.SessionSaved("c"));
    store.write(new BrokerChange.OfflineSinceSaved("c", Instant.ofEpochSecond(100)));

    store.write(new BrokerChange.OfflineSinceDeleted("c"));

    assertThat(onlySession().offlineSince()).isEmpty();
  }

  @Test
  void deleteSession_thenSaveSession_isNotOffline() {
    store.write(new BrokerChange.SessionSaved("c"));
    store.write(new BrokerChange.OfflineSinceSaved("c", Instant.ofEpochSecond(100)));

    store.write(new BrokerChange.SessionDeleted("c"));
    store.write(new BrokerChange.SessionSaved("c"));

    assertThat(onlySession().offlineSince()).isEmpty();
  }

  @Test
  void afterDurable_notDeferring_runsAtOnce() {
    store.write(new BrokerChange.SessionSaved("c"));

    store.afterDurable(() -> ran.add("a"));

    assertThat(ran).containsExactly("a");
  }

  @Test
  void afterDurable_deferring_waitsForFlushAndKeepsOrder() {
    store.deferDurability();
    store.write(new BrokerChange.SessionSaved("c"));
    store.afterDurable(() -> ran.add("first"));
    store.afterDurable(() -> ran.add("second, nothing new written"));
    assertThat(ran).isEmpty();
    assertThat(store.load().broker().sessions()).isEmpty();

    store.flush();

    assertThat(ran).containsExactly("first", "second, nothing new written");
    assertThat(store.load().broker().sessions()).hasSize(1);
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
    store.write(new BrokerChange.SessionSaved("c"));
    store.afterDurable(() -> {
      ran.add("first");
      store.write(new BrokerChange.SubscriptionSaved("c", "a", Qos.AT_MOST_ONCE));
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
    store.write(new BrokerChange.SessionSaved("kept"));
    store.flush();
    store.write(new BrokerChange.SessionSaved("lost"));
    store.afterDurable(() -> ran.add("never"));

    store.crash();
    store.flush();

    assertThat(ran).isEmpty();
    assertThat(store.load().broker().sessions()).extracting(RestoredState.Session::clientId).containsExactly("kept");
    // What was lost may be written again.
    store.write(new BrokerChange.SessionSaved("lost"));
  }

  @Test
  void stop_keepsUnflushedWritesButDropsWaitingActions() {
    store.deferDurability();
    store.write(new BrokerChange.SessionSaved("c"));
    store.afterDurable(() -> ran.add("never"));

    store.stop();
    store.flush();

    assertThat(ran).isEmpty();
    assertThat(store.load().broker().sessions()).hasSize(1);
  }

  @Test
  void writes_revealingCallerBugs_throwAtTheCall() {
    store.write(new BrokerChange.SessionSaved("c"));
    store.write(new BrokerChange.OutboundSaved("c", 1, message("a", "x")));

    assertThatThrownBy(() -> store.write(new BrokerChange.SubscriptionSaved("unknown", "a", Qos.AT_MOST_ONCE)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.write(new BrokerChange.OfflineSinceSaved("unknown", Instant.EPOCH)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.write(new BrokerChange.SessionSaved("c"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.write(new BrokerChange.OutboundSaved("c", 1, message("a", "y"))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.write(new BrokerChange.Sent("c", 2, 1))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.write(new BrokerChange.Released("c", 1))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.write(new BrokerChange.OutboundDeleted("c", 2)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.writeCount()).isEqualTo(2);
  }

  private RestoredState.Session onlySession() {
    assertThat(store.load().broker().sessions()).hasSize(1);
    return store.load().broker().sessions().get(0);
  }

  private static Message message(String topic, String payload) {
    return new Message(topic, payload.getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false);
  }
}
