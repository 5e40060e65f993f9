package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link OutboundQueue} against a plain list that drops the oldest QoS 0 message one at a time
 * until the new one fits, and gives up unchanged when it never does. Ops: -1 polls; n offers a
 * message of QoS n % 3 with a payload of n / 3 bytes.
 */
class OutboundQueueProperties {

  @Property
  void offerPoll_randomOps_behavesLikeTheModel(
      @ForAll @IntRange(min = 1, max = 8) int maxMessages,
      @ForAll @IntRange(min = 1, max = 40) int maxBytes,
      @ForAll @Size(max = 60) List<@IntRange(min = -1, max = 29) Integer> ops) {
    OverflowCounts counts = new OverflowCounts();
    List<Queued> dropped = new ArrayList<>();
    OutboundQueue queue = new OutboundQueue(maxMessages, maxBytes, counts, dropped::add);
    Model model = new Model(maxMessages, maxBytes);
    long sequence = 0;
    for (int op : ops) {
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
