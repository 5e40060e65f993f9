package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.property.PropertyCheck.forAll;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.property.Gen;

/**
 * {@link OutboundQueue} against a plain list. For an outbox ({@code offer}): it drops the oldest
 * QoS 0 message one at a time until the new one fits, and gives up unchanged when it never does.
 * For any other session ({@code dropOldest} then {@code add}): it drops from the head until the new
 * one fits within the bounds, or within twice the bounds while a publisher is held back. Ops: -1
 * polls; n offers a message of QoS n % 3 with a payload of n / 3 bytes. The byte bound holds
 * from none to 8 such messages, each of which costs {@link Footprint#ENTRY_BYTES} beside its
 * payload and topic.
 */
class OutboundQueueProperties {
  private static final int MAX_BYTES = 8 * (Footprint.ENTRY_BYTES + 1) + 40;

  record Case(int maxMessages, int maxBytes, List<Integer> ops) {}

  @Test
  void offerPoll_randomOps_behavesLikeTheModel() {
    forAll(d -> new Case(d.between(1, 8), d.between(1, MAX_BYTES), d.list(0, 60, Gen.between(-1, 29))), c -> {
      int maxMessages = c.maxMessages();
      int maxBytes = c.maxBytes();
      List<Queued> dropped = new ArrayList<>();
      ByteBudget memory = new ByteBudget(Long.MAX_VALUE);
      OutboundQueue queue = new OutboundQueue(maxMessages, maxBytes, memory, dropped::add);
      Model model = new Model(maxMessages, maxBytes);
      long sequence = 0;
      for (int op : c.ops()) {
        if (op < 0) {
          assertThat(queue.poll()).isEqualTo(model.entries.isEmpty() ? null : model.entries.remove(0));
        } else {
          Queued entry = new Queued(++sequence, new Message("t", new byte[op / 3], Qos.of(op % 3), false));
          assertThat(queue.offer(entry)).isEqualTo(model.offer(entry));
        }
        assertThat(queue.size()).isEqualTo(model.entries.size()).isLessThanOrEqualTo(maxMessages);
        assertThat(queue.bytes()).isEqualTo(Model.bytes(model.entries)).isLessThanOrEqualTo(maxBytes);
        assertThat(dropped).isEqualTo(model.dropped);
        assertThat(memory.used()).as("charged to the shared memory").isEqualTo(queue.bytes());
      }
      for (Queued expected : model.entries) {
        assertThat(queue.poll()).isEqualTo(expected);
      }
      assertThat(queue.isEmpty()).isTrue();
    });
  }

  record DropCase(int maxMessages, int maxBytes, int factor, List<Integer> ops) {}

  @Test
  void dropOldestThenAdd_randomOps_keepsTheNewestWithinTheFactorOfTheBounds() {
    forAll(d -> new DropCase(d.between(1, 8), d.between(1, MAX_BYTES), d.between(1, 2), d.list(0, 60, Gen.between(-1, 29))),
        c -> {
          List<Queued> dropped = new ArrayList<>();
          ByteBudget memory = new ByteBudget(Long.MAX_VALUE);
          OutboundQueue queue = new OutboundQueue(c.maxMessages(), c.maxBytes(), memory, dropped::add);
          List<Queued> model = new ArrayList<>();
          List<Queued> modelDropped = new ArrayList<>();
          long sequence = 0;
          for (int op : c.ops()) {
            if (op < 0) {
              assertThat(queue.poll()).isEqualTo(model.isEmpty() ? null : model.remove(0));
              continue;
            }
            Queued entry = new Queued(++sequence, new Message("t", new byte[op / 3], Qos.of(op % 3), false));
            if (!queue.fitsAlone(entry.message())) {
              assertThat(Footprint.of(entry.message())).isGreaterThan(c.maxBytes());
              continue;
            }
            queue.dropOldest(entry.message(), c.factor());
            queue.add(entry);
            model.add(entry);
            while (model.size() > (long) c.maxMessages() * c.factor()
                || Model.bytes(model) > (long) c.maxBytes() * c.factor()) {
              modelDropped.add(model.remove(0));
            }
            assertThat(queue.size()).isEqualTo(model.size());
            assertThat(queue.bytes()).isEqualTo(Model.bytes(model));
            assertThat(dropped).isEqualTo(modelDropped);
            assertThat(memory.used()).isEqualTo(queue.bytes());
            assertThat(queue.isAtMostHalfFull()).isEqualTo(
                model.size() <= c.maxMessages() / 2 && Model.bytes(model) <= c.maxBytes() / 2);
          }
          for (Queued expected : model) {
            assertThat(queue.poll()).isEqualTo(expected);
          }
        });
  }

  private static final class Model {
    final int maxMessages;
    final long maxBytes;
    List<Queued> entries = new ArrayList<>();
    final List<Queued> dropped = new ArrayList<>();

    Model(int maxMessages, long maxBytes) {
      this.maxMessages = maxMessages;
      this.maxBytes = maxBytes;
    }

    boolean offer(Queued entry) {
      List<Queued> trial = new ArrayList<>(entries);
      List<Queued> drops = new ArrayList<>();
      Iterator<Queued> oldest = List.copyOf(entries).iterator();
      while (trial.size() + 1 > maxMessages || bytes(trial) + Footprint.of(entry.message()) > maxBytes) {
        Queued candidate = null;
        while (oldest.hasNext() && candidate == null) {
          Queued next = oldest.next();
          candidate = next.message().qos() == Qos.AT_MOST_ONCE ? next : null;
        }
        if (candidate == null) {
          return false;
        }
        trial.remove(candidate);
        drops.add(candidate);
      }
      trial.add(entry);
      entries = trial;
      dropped.addAll(drops);
      return true;
    }

    static long bytes(List<Queued> entries) {
      return entries.stream().mapToLong(e -> Footprint.of(e.message())).sum();
    }
  }
}
