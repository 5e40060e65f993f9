package org.sngw.transport.serial.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.sngw.transport.WirelessNodeId;

/** What the COBS writer writes, the reader gives back, past any garbage it can tell apart. */
class CobsFramingProperties {

  @Property
  void read_writtenPacketsAmongGarbageInAnyReads_givesThemBackInOrder(
      @ForAll("streams") Stream stream, @ForAll boolean crc) {
    CobsFrameWriter writer = new CobsFrameWriter(crc);
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int i = 0; i < stream.packets.size(); i++) {
      line.writeBytes(stream.gaps.get(i).bytes(stream.max, crc));
      line.writeBytes(toArray(writer.write(Optional.empty(), ByteBuffer.wrap(stream.packets.get(i)))));
    }
    CobsFrameReader reader = new CobsFrameReader(stream.max, crc);
    RecordingFrameHandler handler = new RecordingFrameHandler();

    for (ByteBuffer read : Bytes.reads(line.toByteArray(), stream.readSizes)) {
      reader.read(read, 0, handler);
    }

    assertThat(handler.frames)
        .containsExactlyElementsOf(stream.packets.stream().map(p -> "-/" + Bytes.hex(p)).toList());
  }

  @Property
  void read_randomBytes_neverThrowsAndKeepsToTheMaximum(
      @ForAll @Size(max = 3000) byte[] bytes,
      @ForAll @IntRange(min = 1, max = 600) int max,
      @ForAll boolean crc,
      @ForAll("readSizes") List<Integer> readSizes) {
    CobsFrameReader reader = new CobsFrameReader(max, crc);
    List<Integer> lengths = new ArrayList<>();
    FrameHandler handler = new FrameHandler() {
      @Override
      public void frame(Optional<WirelessNodeId> node, ByteBuffer frame) {
        lengths.add(frame.remaining());
      }

      @Override
      public void discarded(String reason) {}
    };

    for (ByteBuffer read : Bytes.reads(bytes, readSizes)) {
      reader.read(read, 0, handler);
    }

    assertThat(lengths).allSatisfy(n -> assertThat(n).isBetween(1, max));
  }

  /** Garbage the reader drops whole, before one packet. */
  sealed interface Gap {
    byte[] bytes(int max, boolean crc);
  }

  /** Delimiters alone: a leading or repeated 0x00. */
  record Delimiters(int count) implements Gap {
    public byte[] bytes(int max, boolean crc) {
      return new byte[count];
    }
  }

  /** One noise byte and a delimiter: an empty frame, or a block running past the end. */
  record Noise(byte code) implements Gap {
    public byte[] bytes(int max, boolean crc) {
      return new byte[] {code, 0};
    }
  }

  /** More non-zero bytes than the buffer holds, then a delimiter. */
  record Oversized(int extra, byte fill) implements Gap {
    public byte[] bytes(int max, boolean crc) {
      byte[] out = new byte[Cobs.maxEncodedLength(max + 2) + extra + 1];
      Arrays.fill(out, 0, out.length - 1, fill);
      return out;
    }
  }

  /** A packet with one bit flipped after its CRC was taken: garbage only with a CRC. */
  record Corrupted(byte[] packet, int bit) implements Gap {
    public byte[] bytes(int max, boolean crc) {
      if (!crc) {
        return new byte[0];
      }
      byte[] raw = toArray(new CobsFrameWriter(true).write(Optional.empty(), ByteBuffer.wrap(packet)));
      byte[] decoded = raw.clone();
      int length = Cobs.decodeInPlace(decoded, raw.length - 1);
      int at = bit % (length * 8);
      decoded[at / 8] ^= (byte) (1 << (at % 8));
      byte[] out = new byte[Cobs.maxEncodedLength(length) + 1];
      int encoded = Cobs.encode(decoded, length, out);
      return Arrays.copyOf(out, encoded + 1);
    }
  }

  record Stream(int max, List<byte[]> packets, List<Gap> gaps, List<Integer> readSizes) {}

  @Provide
  Arbitrary<Stream> streams() {
    return Arbitraries.integers().between(1, 600).flatMap(max -> packets(max).list().ofMaxSize(10)
        .flatMap(packets -> Combinators.combine(
                gap(max).list().ofSize(packets.size()),
                readSizes())
            .as((gaps, readSizes) -> new Stream(max, packets, gaps, readSizes))));
  }

  @Provide
  Arbitrary<List<Integer>> readSizes() {
    return Arbitraries.oneOf(
        Arbitraries.just(List.of(1)),
        Arbitraries.just(List.of(Integer.MAX_VALUE)),
        Arbitraries.integers().between(1, 300).list().ofMinSize(1).ofMaxSize(10));
  }

  /** Zero bytes often, to make many COBS blocks, or never, to make full 254-byte blocks. */
  private static Arbitrary<byte[]> packets(int max) {
    Arbitrary<Byte> oftenZero = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just((byte) 0)), Tuple.of(3, Arbitraries.bytes()));
    Arbitrary<Byte> nonZero = Arbitraries.bytes().filter(b -> b != 0);
    return Arbitraries.oneOf(
            oftenZero.list().ofMinSize(1).ofMaxSize(max), nonZero.list().ofMinSize(1).ofMaxSize(max))
        .map(CobsFramingProperties::toArray);
  }

  private static Arbitrary<Gap> gap(int max) {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 3).map(Delimiters::new),
        Arbitraries.bytes().filter(b -> b != 0).map(Noise::new),
        Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.bytes().filter(b -> b != 0))
            .as(Oversized::new),
        Combinators.combine(packets(max), Arbitraries.integers().greaterOrEqual(0)).as(Corrupted::new));
  }

  private static byte[] toArray(List<Byte> bytes) {
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }

  private static byte[] toArray(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
