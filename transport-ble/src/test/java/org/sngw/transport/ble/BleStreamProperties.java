package org.sngw.transport.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.transport.ble.BleFixture.A;
import static org.sngw.transport.ble.BleFixture.B;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.sngw.sn.codec.SnMessageType;

/** Whatever the frames, payload sizes and chunkings: what goes in comes out, byte for byte. */
class BleStreamProperties {
  private static final List<Integer> PLAIN_TYPES = Arrays.stream(SnMessageType.values())
      .filter(t -> t != SnMessageType.ENCAPSULATED)
      .map(SnMessageType::code)
      .toList();

  @Property(tries = 500)
  void send_anyFramesAnyPayloadSize_chunksFitAndReassembleToFrames(
      @ForAll("frameLists") List<byte[]> frames, @ForAll("payloadSizes") int payloadSize) {
    BleFixture ble = new BleFixture().started();
    FakePeripheral sensor = ble.central.peripheral(A);
    sensor.payloadSize = payloadSize;
    sensor.advertise();

    frames.forEach(frame -> ble.send(A, frame));

    int expectedWrites = frames.stream().mapToInt(f -> (f.length + payloadSize - 1) / payloadSize).sum();
    assertThat(sensor.writes).hasSize(expectedWrites).allMatch(w -> w.chunk().length <= payloadSize);
    assertThat(sensor.received()).isEqualTo(Frames.concat(frames));
    assertThat(ble.transport.framesSent()).isEqualTo(frames.size());
  }

  @Property(tries = 500)
  void notify_anyFramesAnyChunking_sameFramesInOrder(
      @ForAll("frameLists") List<byte[]> frames,
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 100_000) Integer> cutSeeds) {
    BleFixture ble = new BleFixture().started();
    FakePeripheral sensor = ble.connected(A);

    sensor.notify(chunked(Frames.concat(frames), cutSeeds));

    assertThat(ble.listener.from(A)).containsExactlyElementsOf(frames);
    assertThat(ble.transport.inputDiscarded()).isZero();
  }

  @Property(tries = 300)
  void notify_twoDevicesInterleavedAnyHow_eachGetsItsOwnFrames(
      @ForAll("frameLists") List<byte[]> framesA,
      @ForAll("frameLists") List<byte[]> framesB,
      @ForAll @Size(max = 20) List<@IntRange(min = 0, max = 100_000) Integer> cutSeeds,
      @ForAll @Size(min = 1, max = 60) List<Boolean> turns) {
    BleFixture ble = new BleFixture().started();
    FakePeripheral a = ble.connected(A);
    FakePeripheral b = ble.connected(B);
    List<byte[]> chunksA = new ArrayList<>(List.of(chunked(Frames.concat(framesA), cutSeeds)));
    List<byte[]> chunksB = new ArrayList<>(List.of(chunked(Frames.concat(framesB), cutSeeds)));

    for (int turn = 0; !chunksA.isEmpty() || !chunksB.isEmpty(); turn++) {
      boolean toA = chunksB.isEmpty() || (!chunksA.isEmpty() && turns.get(turn % turns.size()));
      if (toA) {
        a.notify(chunksA.remove(0));
      } else {
        b.notify(chunksB.remove(0));
      }
    }

    assertThat(ble.listener.from(A)).containsExactlyElementsOf(framesA);
    assertThat(ble.listener.from(B)).containsExactlyElementsOf(framesB);
  }

  /** {@code stream} cut at offsets drawn from the seeds, empty pieces included. */
  private static byte[][] chunked(byte[] stream, List<Integer> cutSeeds) {
    int[] offsets = cutSeeds.stream().mapToInt(seed -> seed % (stream.length + 1)).sorted().toArray();
    return Frames.cut(stream, offsets);
  }

  @Provide
  Arbitrary<Integer> payloadSizes() {
    return Arbitraries.oneOf(Arbitraries.of(20, 23, 182, 244), Arbitraries.integers().between(1, 512));
  }

  @Provide
  Arbitrary<List<byte[]>> frameLists() {
    Arbitrary<byte[]> frames = Combinators.combine(
            Arbitraries.of(PLAIN_TYPES),
            Arbitraries.of(true, false),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(600))
        .as((type, longForm, body) -> Frames.message(type, longForm || body.length + 2 > 0xFF, body));
    return frames.list().ofMaxSize(BleTransport.SEND_QUEUE_CAPACITY);
  }
}
