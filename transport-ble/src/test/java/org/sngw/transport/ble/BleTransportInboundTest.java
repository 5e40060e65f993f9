package org.sngw.transport.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.transport.ble.BleFixture.A;
import static org.sngw.transport.ble.BleFixture.B;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sngw.transport.BlePeer;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.TransportListener;

/** Notifications in: a byte stream per device, cut into frames however it was chunked. */
class BleTransportInboundTest {
  private final BleFixture ble = new BleFixture().started();

  @Test
  void notify_frameSplitAtEveryByte_oneFrame() {
    byte[] frame = Frames.ofLength(60, 1);
    FakePeripheral sensor = ble.connected(A);

    for (byte b : frame) {
      sensor.notify(new byte[] {b});
    }

    assertThat(ble.listener.from(A)).containsExactly(frame);
    assertThat(ble.transport.stats().received().sum()).isEqualTo(1);
  }

  @Test
  void notify_streamCutAtEachPosition_sameFrames() {
    byte[] first = Frames.ofLength(25, 1);
    byte[] second = Frames.PINGREQ;
    byte[] third = Frames.ofLength(300, 3);
    byte[] stream = Frames.concat(List.of(first, second, third));
    FakePeripheral sensor = ble.connected(A);

    for (int cut = 0; cut <= stream.length; cut++) {
      sensor.notify(Frames.cut(stream, cut));
    }

    List<byte[]> expected = new ArrayList<>();
    for (int cut = 0; cut <= stream.length; cut++) {
      expected.addAll(List.of(first, second, third));
    }
    assertThat(ble.listener.from(A)).containsExactlyElementsOf(expected);
    assertThat(ble.transport.stats().discarded().sum()).isZero();
  }

  @Test
  void notify_manyFramesInOneNotification_allOfThem() {
    List<byte[]> frames = List.of(Frames.PINGREQ, Frames.ofLength(5, 2), Frames.ofLength(9, 3), Frames.PINGREQ);
    FakePeripheral sensor = ble.connected(A);

    sensor.notify(Frames.concat(frames));

    assertThat(ble.listener.from(A)).containsExactlyElementsOf(frames);
  }

  @Test
  void notify_twoDevicesInterleavingChunks_framesNeverMix() {
    byte[] fromA = Frames.ofLength(50, 10);
    byte[] fromB = Frames.ofLength(47, 20);
    FakePeripheral a = ble.connected(A);
    FakePeripheral b = ble.connected(B);
    byte[][] piecesA = Frames.cut(fromA, 7, 20, 33);
    byte[][] piecesB = Frames.cut(fromB, 1, 2, 40);

    for (int i = 0; i < piecesA.length; i++) {
      a.notify(piecesA[i]);
      b.notify(piecesB[i]);
    }

    assertThat(ble.listener.from(A)).containsExactly(fromA);
    assertThat(ble.listener.from(B)).containsExactly(fromB);
  }

  @Test
  void notify_garbageBeforeFrame_discardedAndCounted() {
    FakePeripheral sensor = ble.connected(A);

    sensor.notify(new byte[] {0, 0}, Frames.PINGREQ);

    assertThat(ble.listener.from(A)).containsExactly(Frames.PINGREQ);
    assertThat(ble.transport.stats().discarded().sum()).isEqualTo(1);
  }

  @Test
  void notify_partialFrameThenPauseLongerThanChunkTimeout_partialDiscarded() {
    byte[] frame = Frames.ofLength(40, 4);
    FakePeripheral sensor = ble.connected(A);

    sensor.notify(Frames.cut(frame, 20)[0]);
    ble.advance(Link.CHUNK_TIMEOUT.plusMillis(1));
    sensor.notify(frame);

    assertThat(ble.listener.from(A)).containsExactly(frame);
    assertThat(ble.transport.stats().discarded().sum()).isEqualTo(1);
  }

  @Test
  void notify_chunksOfOneFrameSecondsApart_stillOneFrame() {
    byte[] frame = Frames.ofLength(40, 4);
    FakePeripheral sensor = ble.connected(A);
    byte[][] pieces = Frames.cut(frame, 20);

    sensor.notify(pieces[0]);
    ble.advance(Duration.ofSeconds(4));
    sensor.notify(pieces[1]);

    assertThat(ble.listener.from(A)).containsExactly(frame);
  }

  @Test
  void notify_partialFrameThenLinkDrops_reconnectedStreamStartsClean() {
    byte[] frame = Frames.ofLength(40, 4);
    FakePeripheral sensor = ble.connected(A);
    sensor.notify(Frames.cut(frame, 30)[0]);

    sensor.drop();
    ble.advance(BleFixture.RECONNECT_MIN);
    sensor.advertise();
    sensor.notify(frame);

    assertThat(ble.listener.from(A)).containsExactly(frame);
    assertThat(ble.transport.stats().discarded().sum()).isZero();
  }

  @Test
  void notify_listenerThrows_countedAndLaterFramesStillDelivered() {
    List<PeerAddress> heard = new ArrayList<>();
    BleFixture throwing = new BleFixture().started(new TransportListener() {
      @Override
      public void onFrame(PeerAddress from, ByteBuffer frame) {
        heard.add(from);
        if (heard.size() == 1) {
          throw new IllegalStateException("listener bug");
        }
      }

      @Override
      public void onPeerLost(PeerAddress peer) {}
    });
    FakePeripheral sensor = throwing.connected(A);

    sensor.notify(Frames.concat(List.of(Frames.PINGREQ, Frames.PINGREQ)));

    assertThat(heard).containsExactly(new BlePeer(A), new BlePeer(A));
    assertThat(throwing.transport.stats().listenerErrors().sum()).isEqualTo(1);
  }
}
