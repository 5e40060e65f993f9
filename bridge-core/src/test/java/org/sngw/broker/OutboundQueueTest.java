package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sngw.message.Message;
import org.sngw.message.Qos;

class OutboundQueueTest {
  private final List<Queued> dropped = new ArrayList<>();
  private final ByteBudget memory = new ByteBudget(Long.MAX_VALUE);
  private long sequence;

  @Test
  void offer_messageLimitReached_dropsOldestQos0First() {
    OutboundQueue queue = queue(3, 1000);
    offer(queue, "q1", Qos.AT_LEAST_ONCE);
    offer(queue, "old0", Qos.AT_MOST_ONCE);
    offer(queue, "new0", Qos.AT_MOST_ONCE);

    assertThat(offer(queue, "next", Qos.EXACTLY_ONCE)).isTrue();

    assertThat(texts(queue)).containsExactly("q1", "new0", "next");
    assertThat(dropped).extracting(Queued::sequence).as("reported to the owner").containsExactly(2L);
  }

  @Test
  void offer_fullOfQos1And2_refusesAndDropsNothing() {
    OutboundQueue queue = queue(2, 1000);
    offer(queue, "q1", Qos.AT_LEAST_ONCE);
    offer(queue, "q2", Qos.EXACTLY_ONCE);

    assertThat(offer(queue, "over", Qos.AT_LEAST_ONCE)).isFalse();

    assertThat(texts(queue)).containsExactly("q1", "q2");
    assertThat(dropped).isEmpty();
  }

  @Test
  void offer_byteLimitReached_dropsAsManyQos0AsNeeded() {
    // Full with three 4-byte messages; "ninebytes" is 5 bytes longer than one, so freeing one QoS 0 is not enough.
    OutboundQueue queue = queue(100, 3 * cost("zero"));
    offer(queue, "zero", Qos.AT_MOST_ONCE);
    offer(queue, "ZERO", Qos.AT_MOST_ONCE);
    offer(queue, "keep", Qos.AT_LEAST_ONCE);

    assertThat(offer(queue, "ninebytes", Qos.AT_LEAST_ONCE)).isTrue();

    assertThat(texts(queue)).containsExactly("keep", "ninebytes");
    assertThat(dropped).hasSize(2);
  }

  @Test
  void offer_qos0CannotCoverTheExcess_dropsNothing() {
    // Room for the two queued and 2 bytes more: "eleven byte" is 7 bytes longer than the QoS 0 one.
    OutboundQueue queue = queue(100, cost("zero") + cost("keep") + 2);
    offer(queue, "zero", Qos.AT_MOST_ONCE);
    offer(queue, "keep", Qos.AT_LEAST_ONCE);

    assertThat(offer(queue, "eleven byte", Qos.AT_LEAST_ONCE)).isFalse();

    assertThat(queue.bytes()).isEqualTo(cost("zero") + cost("keep"));
    assertThat(texts(queue)).containsExactly("zero", "keep");
  }

  @Test
  void limit_appliesToLaterOffersAndKeepsWhatIsQueued() {
    OutboundQueue queue = queue(3, 1000);
    offer(queue, "q1", Qos.AT_LEAST_ONCE);
    offer(queue, "q2", Qos.AT_LEAST_ONCE);

    queue.limit(1, 1000);

    assertThat(offer(queue, "over", Qos.AT_LEAST_ONCE)).isFalse();
    assertThat(texts(queue)).containsExactly("q1", "q2");
  }

  @Test
  void dropOldest_withinTheBounds_dropsTheOldestWhateverTheirQos() {
    OutboundQueue queue = queue(3, 1000);
    offer(queue, "q1", Qos.AT_LEAST_ONCE);
    offer(queue, "q2", Qos.EXACTLY_ONCE);
    offer(queue, "q0", Qos.AT_MOST_ONCE);

    queue.dropOldest(message("a", "next", Qos.AT_LEAST_ONCE), 1);

    assertThat(dropped).extracting(Queued::sequence).containsExactly(1L);
    assertThat(texts(queue)).containsExactly("q2", "q0");
  }

  @Test
  void dropOldest_twiceTheBounds_dropsOnlyPastTwice() {
    // The bound is two of these same-sized messages: four queued are twice the bounds.
    OutboundQueue queue = queue(100, 2 * cost("aaaa"));
    for (String text : List.of("aaaa", "bbbb", "cccc", "dddd")) {
      queue.add(new Queued(++sequence, message("a", text, Qos.AT_LEAST_ONCE)));
    }
    queue.dropOldest(message("a", "eeee", Qos.AT_LEAST_ONCE), 2);

    assertThat(dropped).extracting(Queued::sequence).containsExactly(1L);
    assertThat(texts(queue)).containsExactly("bbbb", "cccc", "dddd");
  }

  @Test
  void fullness_followsTheBounds() {
    OutboundQueue queue = queue(4, 1000);
    assertThat(queue.isAtMostHalfFull()).isTrue();
    for (int i = 0; i < 5; i++) {
      offer(queue, "x", Qos.AT_MOST_ONCE);
    }
    assertThat(queue.fits(message("a", "x", Qos.AT_LEAST_ONCE))).as("4 queued: full").isFalse();
    queue.poll();
    queue.poll();
    assertThat(queue.isAtMostHalfFull()).isTrue();
    queue.add(new Queued(++sequence, message("a", "over", Qos.AT_LEAST_ONCE)));
    assertThat(queue.isAtMostHalfFull()).isFalse();
    assertThat(queue.fitsAlone(costing(1000))).isTrue();
    assertThat(queue.fitsAlone(costing(1001))).isFalse();
  }

  @Test
  void dropOldestBytes_dropsFromTheHeadUntilEnoughIsFreed_andRefundsTheMemory() {
    OutboundQueue queue = queue(100, 1000);
    for (String text : List.of("aaaa", "bbbb", "cccc")) {
      offer(queue, text, Qos.AT_LEAST_ONCE);
    }
    assertThat(memory.used()).isEqualTo(3 * cost("aaaa"));

    queue.dropOldestBytes(cost("aaaa") + 1);

    assertThat(dropped).extracting(Queued::sequence).containsExactly(1L, 2L);
    assertThat(memory.used()).isEqualTo(cost("cccc"));
  }

  @Test
  void chargeTo_movesWhatIsQueuedToTheOtherBudget() {
    OutboundQueue queue = queue(100, 1000);
    offer(queue, "aaaa", Qos.AT_LEAST_ONCE);
    ByteBudget own = new ByteBudget(Long.MAX_VALUE);

    queue.chargeTo(own);
    offer(queue, "bbbb", Qos.AT_LEAST_ONCE);

    assertThat(memory.used()).isZero();
    assertThat(own.used()).isEqualTo(cost("aaaa") + cost("bbbb"));
  }

  @Test
  void restore_ignoresTheBounds() {
    OutboundQueue queue = queue(1, 5);

    queue.restore(new Queued(1, message("a", "stored before", Qos.AT_LEAST_ONCE)));
    queue.restore(new Queued(2, message("a", "restart", Qos.AT_LEAST_ONCE)));

    assertThat(texts(queue)).containsExactly("stored before", "restart");
  }

  /** What a message on topic "a" with this payload costs the byte bounds. */
  private static long cost(String text) {
    return Footprint.of(message("a", text, Qos.AT_LEAST_ONCE));
  }

  /** A message on topic "a" that costs the byte bounds exactly {@code bytes}. */
  private static Message costing(long bytes) {
    Message message = message("a", "x".repeat((int) (bytes - cost(""))), Qos.AT_LEAST_ONCE);
    assertThat(Footprint.of(message)).isEqualTo(bytes);
    return message;
  }

  private OutboundQueue queue(int maxMessages, long maxBytes) {
    return new OutboundQueue(maxMessages, maxBytes, memory, dropped::add);
  }

  private boolean offer(OutboundQueue queue, String text, Qos qos) {
    return queue.offer(new Queued(++sequence, message("a", text, qos)));
  }

  private static List<String> texts(OutboundQueue queue) {
    List<String> texts = new ArrayList<>();
    for (Queued entry; (entry = queue.poll()) != null; ) {
      texts.add(new String(entry.message().payload(), StandardCharsets.UTF_8));
    }
    return texts;
  }
}
