package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.property.PropertyCheck.forAll;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sngw.property.Gen;

/**
 * {@link OutboundQueue} against a plain list that drops the oldest QoS 0 message one at a time
 * until the new one fits, and gives up unchanged when it never does. Ops: -1 polls; n offers a
 * message of QoS n % 3 with a payload of n / 3 bytes.
 */
class OutboundQueueProperties {

  record Case(int maxMessages, int maxBytes, List<Integer> ops) {}

  @Test
  void offerPoll_randomOps_behavesLikeTheModel() {
    forAll(d -> new Case(d.between(1, 8), d.between(1, 40), d.list(0, 60, Gen.between(-1, 29))), c -> {
      int maxMessages = c.maxMessages();
      int maxBytes = c.maxBytes();
      OverflowCounts counts = new OverflowCounts();
      List<Queued> dropped = new ArrayList<>();
      OutboundQueue queue = new OutboundQueue(maxMessages, maxBytes, counts, dropped::add);
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
        assertThat(counts.dropped()).isEqualTo(dropped.size());
      }
      for (Queued expected : model.entries) {
        assertThat(queue.poll()).isEqualTo(expected);
      }
      assertThat(queue.isEmpty()).isTrue();
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
