package org.sngw.transport.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.transport.ble.BleFixture.A;
import static org.sngw.transport.ble.BleFixture.B;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sngw.property.Gen;
import org.sngw.property.PropertyCheck;
import org.sngw.sn.framing.SnFrameGen;

/** Whatever the frames, payload sizes and chunkings: what goes in comes out, byte for byte. */
class BleStreamProperties {
  /** Frames of any plain type and body up to 600 bytes, the 3-byte length form when asked or needed. */
  private static final Gen<List<byte[]>> FRAME_LISTS =
      draw -> draw.list(0, BleTransport.SEND_QUEUE_CAPACITY, d -> SnFrameGen.message(d, 604));

  /** The ATT payloads of common MTUs (23, 26, 185, 247), or any size up to BLE's 512-byte attribute. */
  private static final Gen<Integer> PAYLOAD_SIZES =
      draw -> draw.oneOf(d -> d.of(20, 23, 182, 244), Gen.between(1, 512));

  private static final Gen<Integer> CUT_SEEDS = Gen.between(0, 100_000);

  record Sending(List<byte[]> frames, int payloadSize) {}

  record Chunking(List<byte[]> frames, List<Integer> cutSeeds) {}

  record Interleaving(List<byte[]> framesA, List<byte[]> framesB, List<Integer> cutSeeds, List<Boolean> turns) {}

  @Test
  void send_anyFramesAnyPayloadSize_chunksFitAndReassembleToFrames() {
    Gen<Sending> sendings = draw -> new Sending(FRAME_LISTS.next(draw), PAYLOAD_SIZES.next(draw));

    PropertyCheck.forAll(500, sendings, sending -> {
      BleFixture ble = new BleFixture().started();
      FakePeripheral sensor = ble.central.peripheral(A);
      int payloadSize = sending.payloadSize();
      sensor.payloadSize = payloadSize;
      sensor.advertise();

      sending.frames().forEach(frame -> ble.send(A, frame));

      int expectedWrites = sending.frames().stream()
          .mapToInt(f -> (f.length + payloadSize - 1) / payloadSize).sum();
      assertThat(sensor.writes).hasSize(expectedWrites).allMatch(w -> w.chunk().length <= payloadSize);
      assertThat(sensor.received()).isEqualTo(Frames.concat(sending.frames()));
      assertThat(ble.transport.stats().sent().sum()).isEqualTo(sending.frames().size());
    });
  }

  @Test
  void notify_anyFramesAnyChunking_sameFramesInOrder() {
    Gen<Chunking> chunkings = draw -> new Chunking(FRAME_LISTS.next(draw), CUT_SEEDS.list(0, 30).next(draw));

    PropertyCheck.forAll(500, chunkings, chunking -> {
      BleFixture ble = new BleFixture().started();
      FakePeripheral sensor = ble.connected(A);

      sensor.notify(chunked(Frames.concat(chunking.frames()), chunking.cutSeeds()));

      assertThat(ble.listener.from(A)).containsExactlyElementsOf(chunking.frames());
      assertThat(ble.transport.stats().discarded().sum()).isZero();
    });
  }

  @Test
  void notify_twoDevicesInterleavedAnyHow_eachGetsItsOwnFrames() {
    Gen<Interleaving> interleavings = draw -> new Interleaving(FRAME_LISTS.next(draw), FRAME_LISTS.next(draw),
        CUT_SEEDS.list(0, 20).next(draw), draw.list(1, 60, d -> d.bool()));

    PropertyCheck.forAll(300, interleavings, interleaving -> {
      BleFixture ble = new BleFixture().started();
      FakePeripheral a = ble.connected(A);
      FakePeripheral b = ble.connected(B);
      List<Integer> cutSeeds = interleaving.cutSeeds();
      List<Boolean> turns = interleaving.turns();
      List<byte[]> chunksA = new ArrayList<>(List.of(chunked(Frames.concat(interleaving.framesA()), cutSeeds)));
      List<byte[]> chunksB = new ArrayList<>(List.of(chunked(Frames.concat(interleaving.framesB()), cutSeeds)));

      for (int turn = 0; !chunksA.isEmpty() || !chunksB.isEmpty(); turn++) {
        boolean toA = chunksB.isEmpty() || (!chunksA.isEmpty() && turns.get(turn % turns.size()));
        if (toA) {
          a.notify(chunksA.remove(0));
        } else {
          b.notify(chunksB.remove(0));
        }
      }

      assertThat(ble.listener.from(A)).containsExactlyElementsOf(interleaving.framesA());
      assertThat(ble.listener.from(B)).containsExactlyElementsOf(interleaving.framesB());
    });
  }

  /** {@code stream} cut at offsets drawn from the seeds, empty pieces included. */
  private static byte[][] chunked(byte[] stream, List<Integer> cutSeeds) {
    int[] offsets = cutSeeds.stream().mapToInt(seed -> seed % (stream.length + 1)).sorted().toArray();
    return Frames.cut(stream, offsets);
  }
}
