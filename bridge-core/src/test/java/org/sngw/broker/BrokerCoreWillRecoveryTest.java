package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;
import static org.sngw.broker.BrokerFixture.retained;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/** Wills of clients connected at a crash fire after 1.5 keep-alives, unless the client is back first. */
class BrokerCoreWillRecoveryTest {
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

  private final MapStateStore store = new MapStateStore();
  private final VirtualTime time = new VirtualTime();
  private final BrokerFixture fixture = new BrokerFixture(BrokerConfig.defaults(), store, time);
  private final RecordingSink watcherSink = new RecordingSink();
  private final RecordingSink sink = new RecordingSink();

  @Test
  void restart_willOfClientConnectedAtCrash_isPublishedAfterOneAndAHalfKeepAlives() {
    watch("will");
    fixture.connectWithWill("c", false, message("will", "c gone", Qos.AT_LEAST_ONCE), KEEP_ALIVE, sink);

    crashAndRestart();
    watch("will");
    time.advance(Duration.ofMillis(14_999));
    assertThat(watcherSink.take()).isEmpty();

    time.advance(Duration.ofMillis(1));
    assertThat(watcherSink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("c gone");
    assertThat(store.load().broker().wills()).isEmpty();
  }

  @Test
  void restart_clientReconnectsWithinTheGrace_willIsCalledOff() {
    watch("will");
    fixture.connectWithWill("c", true, message("will", "c gone", Qos.AT_LEAST_ONCE), KEEP_ALIVE, sink);

    crashAndRestart();
    watch("will");
    time.advance(Duration.ofSeconds(14));
    fixture.connect("c", true, 1, sink);
    time.advance(Duration.ofMinutes(1));

    assertThat(watcherSink.take()).isEmpty();
    assertThat(store.load().broker().wills()).isEmpty();
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void restart_clientReconnectsWithANewWill_storesTheNewOne() {
    fixture.connectWithWill("c", true, message("will", "old", Qos.AT_MOST_ONCE), KEEP_ALIVE, sink);

    crashAndRestart();
    fixture.connectWithWill("c", true, message("will", "new", Qos.AT_MOST_ONCE), KEEP_ALIVE, sink);

    assertThat(store.load().broker().wills()).singleElement()
        .satisfies(will -> assertThat(will.message()).isEqualTo(message("will", "new", Qos.AT_MOST_ONCE)));
  }

  @Test
  void restart_zeroKeepAlive_willIsPublishedAtOnceWithItsRetainFlag() {
    fixture.connectWithWill("c", true, retained("status/c", "offline", Qos.AT_LEAST_ONCE), Duration.ZERO, sink);

    crashAndRestart();
    fixture.subscribe(fixture.connect("late", true, 10, watcherSink), "status/c", Qos.AT_LEAST_ONCE);

    assertThat(watcherSink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("offline");
  }

  @Test
  void restart_willToPersistentSubscriber_isQueuedForIt() {
    watch("will");
    fixture.broker.disconnect(fixture.connect("watcher", false, 10, watcherSink), true);
    fixture.connectWithWill("c", true, message("will", "c gone", Qos.AT_LEAST_ONCE), KEEP_ALIVE, sink);

    crashAndRestart();
    time.advance(Duration.ofSeconds(15));
    fixture.connect("watcher", false, 10, watcherSink);

    assertThat(watcherSink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("c gone");
  }

  @Test
  void restart_afterTheWillWasPublished_doesNotPublishItAgain() {
    fixture.connectWithWill("c", true, message("will", "c gone", Qos.AT_LEAST_ONCE), KEEP_ALIVE, sink);
    crashAndRestart();
    time.advance(Duration.ofSeconds(15));

    crashAndRestart();
    watch("will");
    time.advance(Duration.ofMinutes(1));

    assertThat(watcherSink.take()).isEmpty();
  }

  @Test
  void restart_clientDisconnectedGracefullyBeforeTheCrash_hasNoWill() {
    Message will = message("will", "c gone", Qos.AT_LEAST_ONCE);
    ClientHandle client = fixture.connectWithWill("c", true, will, KEEP_ALIVE, sink);
    fixture.broker.disconnect(client, true);

    crashAndRestart();

    assertThat(time.pendingTasks()).isZero();
  }

  /** Subscribes the persistent "watcher" session, resumed if it exists. */
  private void watch(String filter) {
    fixture.subscribe(fixture.connect("watcher", false, 10, watcherSink), filter, Qos.AT_LEAST_ONCE);
  }

  private void crashAndRestart() {
    store.crash();
    fixture.restart();
  }
}
