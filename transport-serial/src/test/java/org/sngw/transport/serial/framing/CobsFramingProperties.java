package org.sngw.transport.serial.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.property.Gen;
import org.sngw.property.PropertyCheck;
import org.sngw.transport.WirelessNodeId;

/** What the COBS writer writes, the reader gives back, past any garbage it can tell apart. */
class CobsFramingProperties {
  private static final Gen<List<Integer>> READ_SIZES = Bytes.readSizes(300);

  private static final Gen<Byte> NON_ZERO = draw -> (byte) draw.between(1, 0xFF);

  /** Zero one byte in four. */
  private static final Gen<Byte> OFTEN_ZERO = draw -> draw.weighted(1, 3) == 0 ? 0 : draw.anyByte();

  private static final Gen<Stream> STREAMS = draw -> {
    boolean crc = draw.bool();
    int max = draw.between(1, 600);
    List<byte[]> packets = draw.list(0, 10, packets(max));
    List<Gap> gaps = draw.list(packets.size(), packets.size(), gap(max));
    return new Stream(crc, max, packets, gaps, READ_SIZES.next(draw));
  };

  private static final Gen<Line> LINES = draw -> new Line(
      draw.bytes(0, 3000), draw.between(1, 600), draw.bool(), READ_SIZES.next(draw));

  @Test
  void read_writtenPacketsAmongGarbageInAnyReads_givesThemBackInOrder() {
    PropertyCheck.forAll(STREAMS, stream -> {
      CobsFrameWriter writer = new CobsFrameWriter(stream.crc());
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int i = 0; i < stream.packets().size(); i++) {
        line.writeBytes(stream.gaps().get(i).bytes(stream.max(), stream.crc()));
        ByteBuffer packet = ByteBuffer.wrap(stream.packets().get(i));
        line.writeBytes(Bytes.array(writer.write(Optional.empty(), packet)));
      }
      CobsFrameReader reader = new CobsFrameReader(stream.max(), stream.crc());
      RecordingFrameHandler handler = new RecordingFrameHandler();

      for (ByteBuffer read : Bytes.reads(line.toByteArray(), stream.readSizes())) {
        reader.read(read, 0, handler);
      }

      assertThat(handler.frames)
          .containsExactlyElementsOf(stream.packets().stream().map(p -> "-/" + Bytes.hex(p)).toList());
    });
  }

  @Test
  void read_randomBytes_neverThrowsAndKeepsToTheMaximum() {
    PropertyCheck.forAll(LINES, line -> {
      CobsFrameReader reader = new CobsFrameReader(line.max(), line.crc());
      List<Integer> lengths = new ArrayList<>();
      FrameHandler handler = new FrameHandler() {
        @Override
        public void frame(Optional<WirelessNodeId> node, ByteBuffer frame) {
          lengths.add(frame.remaining());
        }

        @Override
        public void discarded(String reason) {}
      };

      for (ByteBuffer read : Bytes.reads(line.bytes(), line.readSizes())) {
        reader.read(read, 0, handler);
      }

      assertThat(lengths).allSatisfy(n -> assertThat(n).isBetween(1, line.max()));
    });
  }

  /** Garbage the reader drops whole, before one packet. */
  sealed interface Gap {
    byte[] bytes(int max, boolean crc);
  }

  /** Delimiters alone: a leading or repeated 0x00. */
  record Delimiters(int count) implements Gap {
    @Override
    public byte[] bytes(int max, boolean crc) {
      return new byte[count];
    }
  }

  /** One noise byte and a delimiter: an empty frame, or a block running past the end. */
  record Noise(byte code) implements Gap {
    @Override
    public byte[] bytes(int max, boolean crc) {
      return new byte[] {code, 0};
    }
  }

  /** More non-zero bytes than the buffer holds, then a delimiter. */
  record Oversized(int extra, byte fill) implements Gap {
    @Override
    public byte[] bytes(int max, boolean crc) {
      byte[] out = new byte[Cobs.maxEncodedLength(max + 2) + extra + 1];
      Arrays.fill(out, 0, out.length - 1, fill);
      return out;
    }
  }

  /** A packet with one bit flipped after its CRC was taken: garbage only with a CRC. */
  record Corrupted(byte[] packet, int bit) implements Gap {
    @Override
    public byte[] bytes(int max, boolean crc) {
      if (!crc) {
        return new byte[0];
      }
      byte[] raw = Bytes.array(new CobsFrameWriter(true).write(Optional.empty(), ByteBuffer.wrap(packet)));
      byte[] decoded = raw.clone();
      int length = Cobs.decodeInPlace(decoded, raw.length - 1);
      int at = bit % (length * 8);
      decoded[at / 8] ^= (byte) (1 << (at % 8));
      byte[] out = new byte[Cobs.maxEncodedLength(length) + 1];
      int encoded = Cobs.encode(decoded, length, out);
      return Arrays.copyOf(out, encoded + 1);
    }
  }

  record Stream(boolean crc, int max, List<byte[]> packets, List<Gap> gaps, List<Integer> readSizes) {}

  /** Any bytes, for a reader of {@code max}-byte packets. */
  record Line(byte[] bytes, int max, boolean crc, List<Integer> readSizes) {}

  /** Zero bytes often, to make many COBS blocks, or never, to make full 254-byte blocks. */
  private static Gen<byte[]> packets(int max) {
    return draw -> draw.bytes(1, max, draw.bool() ? OFTEN_ZERO : NON_ZERO);
  }

  /** Each kind of gap equally often. */
  private static Gen<Gap> gap(int max) {
    return draw -> switch (draw.between(0, 3)) {
      case 0 -> new Delimiters(draw.between(0, 3));
      case 1 -> new Noise(NON_ZERO.next(draw));
      case 2 -> new Oversized(draw.between(1, 40), NON_ZERO.next(draw));
      default -> new Corrupted(packets(max).next(draw), draw.between(0, Integer.MAX_VALUE));
    };
  }
}
