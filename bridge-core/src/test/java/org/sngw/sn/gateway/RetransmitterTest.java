package org.sngw.sn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.PubRel;
import org.sngw.time.VirtualTime;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;

class RetransmitterTest {
  private static final Duration RETRY = Duration.ofSeconds(10);

  private final VirtualTime time = new VirtualTime();
  private final List<SnPacket> sent = new ArrayList<>();
  private final List<String> gaveUp = new ArrayList<>();
  private final Retransmitter retransmitter = new Retransmitter(time, time, RETRY, 2, () -> gaveUp.add("gave up"));
  private final SnLink link = new SnLink() {
    @Override
    public PeerAddress peer() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Transport transport() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void send(SnPacket packet) {
      sent.add(packet);
    }
  };

  @Test
  void answeredPackets_needOneTimerPerRetryInterval_notOnePerPacket() {
    for (int id = 1; id <= 100; id++) {
      retransmitter.send(link, new PubRel(id));
      retransmitter.answered();
      time.advance(Duration.ofMillis(10));
    }

    assertThat(time.pendingTasks()).isEqualTo(1);
    time.advance(RETRY.multipliedBy(3));
    assertThat(sent).as("nothing answered was resent").hasSize(100);
    assertThat(time.pendingTasks()).as("the timer ended with nothing awaited").isZero();
  }

  @Test
  void aPacketSentAfterEarlierOnes_isResentAtItsOwnDeadline() {
    retransmitter.send(link, new PubRel(1));
    retransmitter.answered();
    time.advance(Duration.ofSeconds(6));
    retransmitter.send(link, new PubRel(2));

    time.advance(Duration.ofSeconds(5));
    assertThat(sent).as("the first timer fired at 10 s, 4 s before the second packet's deadline")
        .containsExactly(new PubRel(1), new PubRel(2));
    time.advance(Duration.ofSeconds(5));
    assertThat(sent).containsExactly(new PubRel(1), new PubRel(2), new PubRel(2));
  }

  @Test
  void unanswered_isResentEveryIntervalThenGivenUp() {
    retransmitter.send(link, new PubRel(7));

    time.advance(RETRY.multipliedBy(3));
    assertThat(sent).containsExactly(new PubRel(7), new PubRel(7), new PubRel(7));
    assertThat(gaveUp).containsExactly("gave up");
    assertThat(retransmitter.isWaiting()).isFalse();
  }

  @Test
  void paused_resendsNothingUntilResumed_thenAtOnce() {
    retransmitter.send(link, new PubRel(3));
    retransmitter.pause();
    time.advance(RETRY.multipliedBy(5));
    assertThat(sent).containsExactly(new PubRel(3));
    assertThat(gaveUp).isEmpty();

    retransmitter.resume();
    assertThat(sent).containsExactly(new PubRel(3), new PubRel(3));
    time.advance(RETRY);
    assertThat(sent).hasSize(3);
  }

  @Test
  void stop_leavesNoTimerBehind() {
    retransmitter.send(link, new PubRel(4));
    retransmitter.stop();

    assertThat(time.pendingTasks()).isZero();
  }
}
