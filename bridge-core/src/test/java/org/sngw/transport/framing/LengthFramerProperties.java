package org.sngw.transport.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The framer gives back exactly the frames in a stream, however the stream is cut into reads. */
class LengthFramerProperties {
  private static final long MS = 1_000_000L;

  @Property
  void feed_framesWithSkippableGarbageInAnyReads_emitsTheSameFrames(@ForAll("streams") Stream stream) {
    LengthFramer framer = new LengthFramer(stream.max, LengthFramer.DEFAULT_INTER_BYTE_TIMEOUT);
    RecordingFrameSink sink = new RecordingFrameSink();

    for (byte[] read : reads(stream.bytes(), stream.readSizes)) {
      framer.feed(ByteBuffer.wrap(read), 0, sink);
    }

    assertThat(hex(sink.frames)).containsExactlyElementsOf(hex(stream.frames));
  }

  @Property
  void feed_randomBytesAtRandomTimes_neverThrowsAndEmitsOnlyFramesWithinBounds(
      @ForAll @Size(max = 2000) byte[] bytes,
      @ForAll @IntRange(min = 2, max = 300) int max,
      @ForAll("readSizes") List<Integer> readSizes,
      @ForAll @IntRange(max = 150) int gapMillis) {
    LengthFramer framer = new LengthFramer(max, Duration.ofMillis(100));
    RecordingFrameSink sink = new RecordingFrameSink();
    long now = 0;

    for (byte[] read : reads(bytes, readSizes)) {
      framer.feed(ByteBuffer.wrap(read), now, sink);
      now += gapMillis * MS;
    }

    assertThat(sink.frames).allSatisfy(f -> assertThat(f.length).isBetween(2, max));
  }

  /**
   * @param gaps garbage before each frame and after the last, of bytes no frame can start with:
   *     0x00 and lengths over the maximum
   */
  record Stream(int max, List<byte[]> frames, List<byte[]> gaps, List<Integer> readSizes) {
    byte[] bytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int i = 0; i < frames.size(); i++) {
        out.writeBytes(gaps.get(i));
        out.writeBytes(frames.get(i));
      }
      out.writeBytes(gaps.get(frames.size()));
      return out.toByteArray();
    }
  }

  @Provide
  Arbitrary<Stream> streams() {
    return Arbitraries.integers().between(16, 600).flatMap(max -> Combinators.combine(
            SnFrameArbitraries.frames(max).list().ofMaxSize(12),
            garbage(max).list().ofSize(13),
            readSizes())
        .as((frames, gaps, readSizes) -> new Stream(max, frames, gaps, readSizes)));
  }

  @Provide
  Arbitrary<List<Integer>> readSizes() {
    return Arbitraries.oneOf(
        Arbitraries.just(List.of(1)),
        Arbitraries.just(List.of(Integer.MAX_VALUE)),
        Arbitraries.integers().between(1, 80).list().ofMinSize(1).ofMaxSize(10));
  }

  private static Arbitrary<byte[]> garbage(int max) {
    List<Byte> neverAFrameStart = IntStream.rangeClosed(0, 0xFF)
        .filter(b -> b == 0 || b > max)
        .mapToObj(b -> (byte) b)
        .toList();
    return Arbitraries.of(neverAFrameStart).list().ofMaxSize(5).map(bytes -> {
      byte[] out = new byte[bytes.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = bytes.get(i);
      }
      return out;
    });
  }

  /** The stream cut into reads of the given sizes, used in turn. */
  static List<byte[]> reads(byte[] stream, List<Integer> sizes) {
    List<byte[]> reads = new ArrayList<>();
    int at = 0;
    for (int i = 0; at < stream.length; i++) {
      int n = (int) Math.min(sizes.get(i % sizes.size()), stream.length - at);
      byte[] read = new byte[n];
      System.arraycopy(stream, at, read, 0, n);
      reads.add(read);
      at += n;
    }
    return reads;
  }

  private static List<String> hex(List<byte[]> frames) {
    return frames.stream().map(HexFormat.of()::formatHex).toList();
  }
}
