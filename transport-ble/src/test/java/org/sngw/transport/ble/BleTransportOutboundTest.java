package org.sngw.transport.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.transport.ble.BleFixture.A;
import static org.sngw.transport.ble.BleFixture.B;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sngw.transport.BlePeer;
import org.sngw.transport.UdpPeer;

/** Frames out: fragmented to the payload size, written one chunk at a time, queued within bounds. */
class BleTransportOutboundTest {
  private final BleFixture ble = new BleFixture().started();

  @ParameterizedTest(name = "payload {0}, frame {1}")
  @CsvSource({
      "20, 2", "20, 19", "20, 20", "20, 21", "20, 255", "20, 2048",
      "23, 22", "23, 23", "23, 24", "23, 1000",
      "182, 181", "182, 182", "182, 183", "182, 2048",
      "244, 243", "244, 244", "244, 245", "244, 600", "244, 2048"})
  void send_frameOfAnySize_fullChunksThenRestAndReassembledBytesEqual(int payloadSize, int frameLength) {
    FakePeripheral sensor = ble.central.peripheral(A);
    sensor.payloadSize = payloadSize;
    sensor.advertise();
    byte[] frame = Frames.ofLength(frameLength, 7);

    ble.send(A, frame);

    List<FakeConnection.Write> writes = sensor.writes;
    assertThat(writes).hasSize((frameLength + payloadSize - 1) / payloadSize);
    writes.subList(0, writes.size() - 1).forEach(w -> assertThat(w.chunk()).hasSize(payloadSize));
    assertThat(writes.get(writes.size() - 1).chunk().length).isBetween(1, payloadSize);
    assertThat(sensor.received()).isEqualTo(frame);
    assertThat(ble.transport.stats().sent().sum()).isEqualTo(1);
  }

  @Test
  void send_writesNotCompleted_nextChunkOnlyAfterPreviousWriteCompleted() {
    FakePeripheral sensor = ble.central.peripheral(A);
    sensor.completeWrites = false;
    sensor.advertise();
    FakeConnection link = sensor.connection();
    byte[] first = Frames.ofLength(50, 1);
    byte[] second = Frames.ofLength(30, 2);

    ble.send(A, first);
    ble.send(A, second);
    assertThat(sensor.writes).hasSize(1);

    link.completeWrite();
    assertThat(sensor.writes).hasSize(2);
    link.completeWrite();
    link.completeWrite();
    assertThat(ble.transport.stats().sent().sum()).isEqualTo(1);
    link.completeWrite();
    link.completeWrite();

    assertThat(sensor.received()).isEqualTo(Frames.concat(List.of(first, second)));
    assertThat(link.writesInFlightMax).isEqualTo(1);
    assertThat(link.pendingWrites()).isZero();
    assertThat(ble.transport.stats().sent().sum()).isEqualTo(2);
  }

  @Test
  void send_queueFull_furtherFramesDroppedAndCounted() {
    FakePeripheral sensor = ble.central.peripheral(A);
    sensor.completeWrites = false;
    sensor.advertise();
    // One frame is taken into writing at once; the queue holds the next ones.
    int accepted = 1 + BleTransport.SEND_QUEUE_CAPACITY;

    for (int i = 0; i < accepted + 3; i++) {
      ble.send(A, Frames.PINGREQ);
    }
    assertThat(ble.transport.stats().dropped().sum()).isEqualTo(3);
    while (sensor.connection().pendingWrites() > 0) {
      sensor.connection().completeWrite();
    }

    assertThat(ble.transport.stats().sent().sum()).isEqualTo(accepted);
    assertThat(ble.transport.stats().dropped().sum()).isEqualTo(3);
  }

  @Test
  void send_queueOfOneDeviceFull_otherDeviceUnaffected() {
    FakePeripheral slow = ble.central.peripheral(A);
    slow.completeWrites = false;
    slow.advertise();
    FakePeripheral fast = ble.connected(B);

    for (int i = 0; i < BleTransport.SEND_QUEUE_CAPACITY + 5; i++) {
      ble.send(A, Frames.PINGREQ);
    }
    ble.send(B, Frames.PINGREQ);

    assertThat(fast.received()).isEqualTo(Frames.PINGREQ);
  }

  @Test
  void droppedPerDevice_countsEachConnectedDeviceApart_andForgetsOneThatLeft() {
    FakePeripheral slow = ble.central.peripheral(A);
    slow.completeWrites = false;
    slow.advertise();
    ble.connected(B);

    for (int i = 0; i < 1 + BleTransport.SEND_QUEUE_CAPACITY + 2; i++) {
      ble.send(A, Frames.PINGREQ);
    }
    ble.send(B, Frames.PINGREQ);

    assertThat(droppedPerDevice()).isEqualTo(Map.of(A, 2L, B, 0L));
    slow.drop();
    assertThat(droppedPerDevice()).as("a device that left is no longer counted").isEqualTo(Map.of(B, 0L));
    assertThat(ble.transport.stats().dropped().sum()).as("its queued frames are in the total").isGreaterThan(2);
  }

  private Map<String, Long> droppedPerDevice() {
    return ble.transport.stats().families().stream()
        .filter(family -> family.name().equals("sngw.ble.device.frames.dropped"))
        .findFirst().orElseThrow().values().get();
  }

  @Test
  void send_writeWithResponseConfigured_everyChunkWrittenWithResponse() {
    BleFixture acked = new BleFixture(BleFixture.config(Set.of(), 8, true)).started();
    FakePeripheral sensor = acked.connected(A);

    acked.send(A, Frames.ofLength(45, 1));

    assertThat(sensor.writes).hasSize(3).allMatch(FakeConnection.Write::withResponse);
  }

  @Test
  void send_writeCommandsByDefault_noChunkWithResponse() {
    FakePeripheral sensor = ble.connected(A);

    ble.send(A, Frames.ofLength(45, 1));

    assertThat(sensor.writes).hasSize(3).noneMatch(FakeConnection.Write::withResponse);
  }

  @Test
  void send_writeFailsMidFrame_frameDroppedAndNextFrameWritten() {
    FakePeripheral sensor = ble.central.peripheral(A);
    sensor.completeWrites = false;
    sensor.advertise();
    FakeConnection link = sensor.connection();
    ble.send(A, Frames.ofLength(50, 1));
    ble.send(A, Frames.PINGREQ);

    link.completeWrite();
    link.failWrite();
    link.completeWrite();

    assertThat(sensor.writes).hasSize(3);
    assertThat(sensor.writes.get(2).chunk()).isEqualTo(Frames.PINGREQ);
    assertThat(ble.transport.stats().sent().sum()).isEqualTo(1);
    assertThat(ble.transport.stats().dropped().sum()).isEqualTo(1);
  }

  @Test
  void send_unknownOrDisconnectedDevice_droppedAndCounted() {
    FakePeripheral sensor = ble.connected(A);
    sensor.drop();

    ble.send(A, Frames.PINGREQ);
    ble.send(B, Frames.PINGREQ);

    assertThat(sensor.writes).isEmpty();
    assertThat(ble.transport.stats().dropped().sum()).isEqualTo(2);
  }

  @Test
  void send_linkDropsWithFramesQueued_queuedFramesDroppedAndCounted() {
    FakePeripheral sensor = ble.central.peripheral(A);
    sensor.completeWrites = false;
    sensor.advertise();
    ble.send(A, Frames.ofLength(50, 1));
    ble.send(A, Frames.PINGREQ);

    sensor.drop();

    assertThat(ble.transport.stats().dropped().sum()).isEqualTo(2);
  }

  @Test
  void send_otherKindOfPeerOrOversizedOrEmpty_dropped() {
    FakePeripheral sensor = ble.connected(A);

    ble.transport.send(new UdpPeer(new InetSocketAddress("127.0.0.1", 1884)), ByteBuffer.wrap(Frames.PINGREQ));
    ble.send(A, Frames.ofLength(BleTransport.MAX_FRAME_SIZE + 1, 1));
    ble.send(A, new byte[0]);
    ble.transport.broadcast(ByteBuffer.wrap(Frames.PINGREQ));

    assertThat(sensor.writes).isEmpty();
    assertThat(ble.transport.stats().dropped().sum()).isEqualTo(4);
    assertThat(ble.transport.canBroadcast()).isFalse();
  }

  @Test
  void send_frameGivenAsSliceOfLargerBuffer_onlyItsBytesWritten() {
    FakePeripheral sensor = ble.connected(A);
    ByteBuffer buffer = ByteBuffer.allocate(10).put(new byte[] {9, 9, 2, 0x16, 9});
    buffer.position(2).limit(4);

    ble.transport.send(new BlePeer(A), buffer);

    assertThat(sensor.received()).isEqualTo(Frames.PINGREQ);
  }
}
