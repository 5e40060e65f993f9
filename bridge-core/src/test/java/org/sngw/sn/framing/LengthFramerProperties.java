package org.sngw.sn.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.property.PropertyCheck.forAll;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sngw.property.Draw;

/** The framer gives back exactly the frames in a stream, however the stream is cut into reads. */
class LengthFramerProperties {
  private static final long MS = 1_000_000L;

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

  record Noise(byte[] bytes, int max, List<Integer> readSizes, int gapMillis) {}

  @Test
  void feed_framesWithSkippableGarbageInAnyReads_emitsTheSameFrames() {
    forAll(LengthFramerProperties::stream, stream -> {
      LengthFramer framer = new LengthFramer(stream.max(), LengthFramer.DEFAULT_INTER_BYTE_TIMEOUT);
      RecordingFrameSink sink = new RecordingFrameSink();

      for (byte[] read : Reads.cut(stream.bytes(), stream.readSizes())) {
        framer.feed(ByteBuffer.wrap(read), 0, sink);
      }

      assertThat(hex(sink.frames)).containsExactlyElementsOf(hex(stream.frames()));
    });
  }

  @Test
  void feed_randomBytesAtRandomTimes_neverThrowsAndEmitsOnlyFramesWithinBounds() {
    forAll(d -> new Noise(d.bytes(0, 2000), d.between(2, 300), Reads.sizes(d, 80), d.between(0, 150)), noise -> {
      LengthFramer framer = new LengthFramer(noise.max(), Duration.ofMillis(100));
      RecordingFrameSink sink = new RecordingFrameSink();
      long now = 0;

      for (byte[] read : Reads.cut(noise.bytes(), noise.readSizes())) {
        framer.feed(ByteBuffer.wrap(read), now, sink);
        now += noise.gapMillis() * MS;
      }

      assertThat(sink.frames).allSatisfy(f -> assertThat(f.length).isBetween(2, noise.max()));
    });
  }

  private static Stream stream(Draw d) {
    int max = d.between(16, 600);
    List<byte[]> frames = d.list(0, 12, f -> SnFrameGen.frame(f, max));
    List<byte[]> gaps = d.list(13, 13, g -> garbage(g, max));
    return new Stream(max, frames, gaps, Reads.sizes(d, 80));
  }

  private static byte[] garbage(Draw d, int max) {
    int[] neverAFrameStart = IntStream.rangeClosed(0, 0xFF).filter(b -> b == 0 || b > max).toArray();
    return d.bytes(0, 5, b -> (byte) neverAFrameStart[b.between(0, neverAFrameStart.length - 1)]);
  }

  private static List<String> hex(List<byte[]> frames) {
    return frames.stream().map(HexFormat.of()::formatHex).toList();
  }
}
