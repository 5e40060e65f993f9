package org.sngw.transport.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.transport.ble.BleFixture.A;
import static org.sngw.transport.ble.BleFixture.B;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.sngw.property.Allocations;
import org.sngw.sn.codec.SnMessageType;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;
import org.sngw.time.VirtualTime;
import org.sngw.transport.BlePeer;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;

/**
 * What a peripheral's GATT notifications bring into the gateway, steered by coverage. The input is
 * the notifications one after another, each a length byte and then that many bytes (the last one
 * cut short where the input ends): the fuzzer picks the bytes and where they are cut, and a seed
 * reads as a sensor's traffic. The framer has no marks to resynchronise on but its chunk timeout,
 * so that is where a sensor's frames must come through again whatever came before.
 */
class BleReassemblyFuzzTest {
  /** A sensor's frames after a reset, with each PUBLISH topic form and the 3-byte length form. */
  private static final List<byte[]> SENSOR_FRAMES = Stream.of(
          new SnPacket.Connect(false, true, 60, "ble-1"),
          new SnPacket.Register(0, 1, "sensors/ble-1/temperature"),
          new SnPacket.Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(1), 2, utf8("21.5")),
          new SnPacket.Publish(false, SnQos.AT_MOST_ONCE, false, new SnTopic.Predefined(7), 0, utf8("48")),
          new SnPacket.Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Short("t1"), 3, utf8("19.0")),
          new SnPacket.Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(1), 4, new byte[300]),
          SnPacket.PingReq.plain(),
          SnPacket.Disconnect.plain())
      .map(Frames::encoded)
      .toList();
  /** The ATT payload at the default MTU of 23, the notification size most sensors are stuck with. */
  private static final int DEFAULT_PAYLOAD = 20;
  /** What a reassembly may allocate whatever its input: the framer's buffer, the link around it. */
  private static final long FIXED_ALLOCATION = 16_384;
  /**
   * And per input byte: a buffer view per notification and per frame (about 64 bytes each, and a
   * notification costs at least its length byte), and a reason per run of skipped garbage. An
   * allocation sized by a length field (up to 64 KiB for a 4-byte header) shows at once.
   */
  private static final long ALLOCATION_PER_BYTE = 256;
  private static final TransportListener IGNORING = new TransportListener() {
    @Override
    public void onFrame(PeerAddress from, ByteBuffer frame) {}

    @Override
    public void onPeerLost(PeerAddress peer) {}
  };

  @FuzzTest
  void notify_anyChunks_sameWholeFramesForEveryChunkingAndNoSensorFrameLost(byte[] input) {
    byte[][] notifications = notifications(input);
    byte[] stream = Frames.concat(Arrays.asList(notifications));
    BleFixture ble = new BleFixture().started();
    FakePeripheral garbling = ble.connected(A);
    FakePeripheral sensor = ble.connected(B);
    Deque<byte[]> sensorNotifications = new ArrayDeque<>(Arrays.asList(sensorNotifications()));
    for (byte[] notification : notifications) {
      garbling.notify(notification);
      if (!sensorNotifications.isEmpty()) {
        sensor.notify(sensorNotifications.poll());
      }
    }
    sensorNotifications.forEach(sensor::notify);
    List<byte[]> frames = List.copyOf(ble.listener.from(A));

    assertThat(frames).allSatisfy(BleReassemblyFuzzTest::assertWholeFrame);
    assertThat(frames).as("frames of the same bytes in one notification")
        .containsExactlyElementsOf(reassembled(stream));
    assertThat(frames).as("frames of the same bytes one byte a notification")
        .containsExactlyElementsOf(reassembled(Frames.pieces(stream, 1)));
    assertThat(ble.listener.from(B)).as("frames of the sensor next to it, interleaved")
        .containsExactlyElementsOf(SENSOR_FRAMES);

    ble.advance(Link.CHUNK_TIMEOUT.plusNanos(1));
    garbling.notify(sensorNotifications());
    List<byte[]> all = ble.listener.from(A);
    assertThat(all.subList(frames.size(), all.size())).as("frames sent after a pause past the chunk timeout")
        .containsExactlyElementsOf(SENSOR_FRAMES);

    assertThat(Allocations.of(() -> throughALink(notifications)))
        .as("bytes allocated reassembling %d input bytes", input.length)
        .isLessThan(FIXED_ALLOCATION + ALLOCATION_PER_BYTE * input.length);
  }

  /** The input as notifications: a length byte, then up to that many bytes. */
  private static byte[][] notifications(byte[] input) {
    List<byte[]> out = new ArrayList<>();
    int at = 0;
    while (at < input.length) {
      int length = Byte.toUnsignedInt(input[at++]);
      int end = Math.min(input.length, at + length);
      out.add(Arrays.copyOfRange(input, at, end));
      at = end;
    }
    return out.toArray(byte[][]::new);
  }

  private static byte[][] sensorNotifications() {
    return Frames.pieces(Frames.concat(SENSOR_FRAMES), DEFAULT_PAYLOAD);
  }

  /** The frames one device's notifications make on a transport of their own. */
  private static List<byte[]> reassembled(byte[]... notifications) {
    BleFixture ble = new BleFixture().started();
    ble.connected(A).notify(notifications);
    return ble.listener.from(A);
  }

  /** Just the reassembly, to measure: a new link takes the notifications as its loop would hand them over. */
  private static void throughALink(byte[][] notifications) {
    TransportStats stats = new TransportStats("ble", Optional.empty());
    FakeConnection connection = new FakeConnection(A, DEFAULT_PAYLOAD, true, new ArrayList<>());
    Outbox outbox = new Outbox(A, connection, false, BleTransport.SEND_QUEUE_CAPACITY, Runnable::run, stats);
    Link link = new Link(new BlePeer(A), connection, BleTransport.MAX_FRAME_SIZE, outbox, IGNORING,
        new VirtualTime(), stats);
    for (byte[] notification : notifications) {
      link.received(notification);
    }
  }

  /** One whole MQTT-SN frame, within the transport's limit and as long as its own Length field says. */
  private static void assertWholeFrame(byte[] frame) {
    assertThat(frame.length).isLessThanOrEqualTo(BleTransport.MAX_FRAME_SIZE);
    assertThat(declaredLength(frame, 0)).as("Length field").isEqualTo(frame.length);
  }

  /**
   * The length the message at {@code at} declares, 1- or 3-byte form, asserting its MsgType is known;
   * an encapsulation's Length counts only its own header, so the message it carries is added.
   */
  private static int declaredLength(byte[] frame, int at) {
    boolean longForm = frame[at] == 0x01;
    int header = longForm ? 4 : 2;
    assertThat(frame.length - at).as("bytes for a header at %d", at).isGreaterThanOrEqualTo(header);
    int length = longForm ? (Byte.toUnsignedInt(frame[at + 1]) << 8) | Byte.toUnsignedInt(frame[at + 2])
        : Byte.toUnsignedInt(frame[at]);
    SnMessageType type = SnMessageType.fromCode(frame[at + header - 1]);
    assertThat(type).as("MsgType at %d", at + header - 1).isNotNull();
    if (type != SnMessageType.ENCAPSULATED) {
      return length;
    }
    assertThat(at == 0 && !longForm && length > 3).as("an outermost, 1-byte-length encapsulation").isTrue();
    return length + declaredLength(frame, length);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
