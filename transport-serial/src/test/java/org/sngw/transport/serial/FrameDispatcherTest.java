package org.sngw.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.SerialPeer;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;
import org.sngw.transport.WirelessNodeId;

class FrameDispatcherTest {
  private static final String DEVICE = "/dev/ttyUSB0";
  private static final WirelessNodeId NODE_A = WirelessNodeId.of(new byte[] {0, 0x13, (byte) 0xA2, 0, 1, 2, 3, 4});
  private static final WirelessNodeId NODE_B = WirelessNodeId.of(new byte[] {0, 0x13, (byte) 0xA2, 0, 5, 6, 7, 8});

  private final RecordingListener listener = new RecordingListener();
  private final TransportStats stats = new TransportStats("serial", Optional.empty());
  private final FrameDispatcher dispatcher = new FrameDispatcher(DEVICE, listener, stats);

  @Test
  void frame_withoutRadioNode_comesFromThePort() {
    dispatcher.frame(Optional.empty(), ByteBuffer.wrap(new byte[] {2, 0x16}));

    assertThat(listener.frames).singleElement().satisfies(received -> {
      assertThat(received.from()).isEqualTo(SerialPeer.of(DEVICE));
      assertThat(received.frame()).containsExactly(2, 0x16);
    });
    assertThat(stats.received().sum()).isEqualTo(1);
  }

  @Test
  void frame_withRadioNode_comesFromThatNodeOnThePort() {
    dispatcher.frame(Optional.of(NODE_A), ByteBuffer.wrap(new byte[] {2, 0x16}));

    assertThat(listener.frames.get(0).from()).isEqualTo(new SerialPeer(DEVICE, Optional.of(NODE_A)));
  }

  @Test
  void loseAll_afterFramesFromTwoNodes_reportsEachOnceInOrderHeard() {
    dispatcher.frame(Optional.of(NODE_A), ByteBuffer.wrap(new byte[] {2, 0x16}));
    dispatcher.frame(Optional.of(NODE_B), ByteBuffer.wrap(new byte[] {2, 0x16}));
    dispatcher.frame(Optional.of(NODE_A), ByteBuffer.wrap(new byte[] {2, 0x16}));

    assertThat(dispatcher.heardCount()).isEqualTo(2);
    dispatcher.loseAll();

    assertThat(listener.lost).containsExactly(
        new SerialPeer(DEVICE, Optional.of(NODE_A)), new SerialPeer(DEVICE, Optional.of(NODE_B)));
  }

  @Test
  void loseAll_twice_forgetsThePeersReportedBefore() {
    dispatcher.frame(Optional.empty(), ByteBuffer.wrap(new byte[] {2, 0x16}));
    dispatcher.loseAll();

    dispatcher.loseAll();

    assertThat(listener.lost).hasSize(1);
    assertThat(dispatcher.heardCount()).isZero();
  }

  @Test
  void frame_listenerThrows_countsAndCarriesOn() {
    FrameDispatcher throwing = new FrameDispatcher(DEVICE, new TransportListener() {
      @Override
      public void onFrame(PeerAddress from, ByteBuffer frame) {
        throw new IllegalStateException("bug");
      }

      @Override
      public void onPeerLost(PeerAddress peer) {}
    }, stats);

    throwing.frame(Optional.empty(), ByteBuffer.wrap(new byte[] {2, 0x16}));

    assertThat(stats.listenerErrors().sum()).isEqualTo(1);
    assertThat(throwing.heardCount()).isEqualTo(1);
  }

  @Test
  void discarded_counts() {
    dispatcher.discarded("bad checksum");
    dispatcher.discarded("garbage");

    assertThat(stats.discarded().sum()).isEqualTo(2);
  }
}
