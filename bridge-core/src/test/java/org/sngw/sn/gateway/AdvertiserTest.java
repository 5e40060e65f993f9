package org.sngw.sn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sngw.sn.codec.SnDecoder;
import org.sngw.sn.codec.SnPacket;
import org.sngw.time.VirtualTime;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;

class AdvertiserTest {
  private static final Duration INTERVAL = Duration.ofSeconds(900);

  private final VirtualTime time = new VirtualTime();
  private final BroadcastRecorder radio = new BroadcastRecorder("radio", true);

  @Test
  void start_broadcastsAdvertiseAtOnceWithIdAndIntervalAsDuration() {
    new Advertiser(7, INTERVAL, List.of(radio), time).start();

    assertThat(radio.broadcasts).containsExactly(new SnPacket.Advertise(7, 900));
  }

  @Test
  void start_thenEachInterval_broadcastsAgain() {
    new Advertiser(7, INTERVAL, List.of(radio), time).start();

    time.advance(INTERVAL.minusSeconds(1));
    assertThat(radio.broadcasts).hasSize(1);
    time.advance(Duration.ofSeconds(1));
    assertThat(radio.broadcasts).hasSize(2);
    time.advance(INTERVAL.multipliedBy(3));
    assertThat(radio.broadcasts).hasSize(5).containsOnly(new SnPacket.Advertise(7, 900));
  }

  @Test
  void start_severalTransports_broadcastsOnlyOnThoseThatCan() {
    BroadcastRecorder other = new BroadcastRecorder("other", true);
    BroadcastRecorder deaf = new BroadcastRecorder("deaf", false);

    new Advertiser(2, INTERVAL, List.of(radio, deaf, other), time).start();
    time.advance(INTERVAL);

    assertThat(radio.broadcasts).hasSize(2);
    assertThat(other.broadcasts).hasSize(2);
    assertThat(deaf.broadcasts).isEmpty();
  }

  @Test
  void start_noTransportCanBroadcast_sendsAndSchedulesNothing() {
    BroadcastRecorder deaf = new BroadcastRecorder("deaf", false);

    new Advertiser(1, INTERVAL, List.of(deaf), time).start();
    time.advance(INTERVAL.multipliedBy(2));

    assertThat(deaf.broadcasts).isEmpty();
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void stop_cancelsTheNextAdvertise() {
    Advertiser advertiser = new Advertiser(1, INTERVAL, List.of(radio), time);
    advertiser.start();

    advertiser.stop();
    time.advance(INTERVAL.multipliedBy(2));

    assertThat(radio.broadcasts).hasSize(1);
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void stop_beforeStart_isHarmless() {
    new Advertiser(1, INTERVAL, List.of(radio), time).stop();

    assertThat(radio.broadcasts).isEmpty();
  }

  @Test
  void maximumInterval_fitsTheDurationField() {
    new Advertiser(255, Duration.ofSeconds(65535), List.of(radio), time).start();

    assertThat(radio.broadcasts).containsExactly(new SnPacket.Advertise(255, 65535));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "PT1.5S", "PT0.5S", "PT65536S"})
  void constructor_intervalNotWholeSecondsInRange_isRejected(String interval) {
    assertThatThrownBy(() -> new Advertiser(1, Duration.parse(interval), List.of(radio), time))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("advertise interval must be whole seconds, 1s..65535s");
  }

  /** A transport that decodes and keeps what it is asked to broadcast; sends nothing else. */
  private static final class BroadcastRecorder implements Transport {
    private final TransportStats stats = new TransportStats("recorder", Optional.empty());
    final List<SnPacket> broadcasts = new ArrayList<>();
    private final String name;
    private final boolean canBroadcast;

    BroadcastRecorder(String name, boolean canBroadcast) {
      this.name = name;
      this.canBroadcast = canBroadcast;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void start(TransportListener listener) {}

    @Override
    public void send(PeerAddress to, ByteBuffer frame) {
      throw new AssertionError("the advertiser sent to one peer");
    }

    @Override
    public boolean canBroadcast() {
      return canBroadcast;
    }

    @Override
    public void broadcast(ByteBuffer frame) {
      broadcasts.add((SnPacket) SnDecoder.decode(frame));
    }

    @Override
    public int maxFrameSize() {
      return 1024;
    }

    @Override
    public TransportStats stats() {
      return stats;
    }

    @Override
    public void close() {}
  }
}
