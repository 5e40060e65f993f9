package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;

import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/**
 * The memory all queues share: room for 9 messages on "a" or "b" with a 4-byte payload here, each
 * session allowed 8. When it is full, the longest queue pays; only a message that cannot fit even
 * then is refused.
 */
class BrokerCoreMemoryTest {
  /** What a message on "a" or "b" with a 4-byte payload ("hog0", "b__0") costs the byte bounds. */
  private static final long COST = Footprint.of(message("a", "hog0", Qos.AT_LEAST_ONCE));
  private static final long SESSION_BYTES = 8 * COST;
  private static final BrokerConfig CONFIG =
      new BrokerConfig(100, 32, 1024, SESSION_BYTES, 1L << 20).withMaxQueuedTotalBytes(9 * COST);

  private final BrokerFixture fixture = new BrokerFixture(CONFIG, new MapStateStore(), new VirtualTime());
  private final BrokerCore broker = fixture.broker;

  @Test
  void memoryFull_theLongestQueueLosesItsOldest_andTheNewMessageIsQueued() {
    offline("hog", "a");
    offline("small", "b");
    for (int i = 0; i < 8; i++) {
      fixture.publish(null, message("a", "hog" + i, Qos.AT_LEAST_ONCE));
    }
    fixture.publish(null, message("b", "b__0", Qos.AT_LEAST_ONCE));
    assertThat(broker.queuedBytes()).isEqualTo(9 * COST);

    assertThat(fixture.publish(null, message("b", "b__1", Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);

    assertThat(9 * COST / 16).as("a sixteenth of the memory").isLessThan(COST);
    assertThat(broker.droppedByClient()).as("at least the one message's cost asked (a sixteenth is less): 1 message")
        .containsExactly(Map.entry("hog", 1L));
    assertThat(broker.queuedBytes()).isEqualTo(9 * COST);
  }

  @Test
  void messageThatCannotFitEvenInEmptyQueues_isRefused() {
    Message big = message("a", "123456789", Qos.AT_LEAST_ONCE);
    assertThat(Footprint.of(big)).as("within the session's own bound").isLessThanOrEqualTo(SESSION_BYTES);
    BrokerFixture tiny = new BrokerFixture(
        new BrokerConfig(100, 32, 1024, SESSION_BYTES, 1L << 20).withMaxQueuedTotalBytes(Footprint.of(big) - 1),
        new MapStateStore(), new VirtualTime());
    ClientHandle client = tiny.connect("c", false, 1, new RecordingSink());
    tiny.subscribe(client, "a", Qos.AT_LEAST_ONCE);
    tiny.broker.disconnect(client, true);

    assertThat(tiny.publish(null, big)).isEqualTo(PublishOutcome.CONGESTED);
    assertThat(tiny.broker.refusedMessages()).isEqualTo(1);
  }

  @Test
  void outbox_isNotChargedToTheSharedMemory() {
    // Room in its own bounds for all 20, which together are more than the shared memory.
    SessionOptions outbox =
        new SessionOptions(true, false, true, true, OptionalInt.of(100), OptionalLong.of(100 * COST));
    ClientHandle bridge = fixture.connect("$bridge/up", false, 1, outbox, new RecordingSink());
    fixture.subscribe(bridge, "a", Qos.AT_LEAST_ONCE);
    broker.disconnect(bridge, true);

    for (int i = 0; i < 20; i++) {
      assertThat(fixture.publish(null, message("a", "out" + i, Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);
    }

    assertThat(broker.queuedBytes()).isZero();
    assertThat(broker.droppedMessages()).isZero();
  }

  private void offline(String clientId, String filter) {
    ClientHandle client = fixture.connect(clientId, false, 1, new RecordingSink());
    fixture.subscribe(client, filter, Qos.AT_LEAST_ONCE);
    broker.disconnect(client, true);
  }
}
