package org.sngw.sn.framing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.sngw.property.Allocations;

/**
 * The length framer on a stream from a plain serial line or a BLE characteristic: any bytes, cut
 * anyhow. The fuzzer's input is the stream first; the framer's settings come from its last bytes
 * (Jazzer's FuzzedDataProvider reads numbers from the end), so real captures are real seeds.
 */
class LengthFramerFuzzTest {
  private static final FrameSink IGNORING = new FrameSink() {
    @Override
    public void frame(ByteBuffer frame) {}

    @Override
    public void discarded(String reason) {}
  };

  /**
   * Frames keep to the maximum and to their own Length field and come out the same however the
   * stream is cut. Framing allocates the buffer, a view per frame and a reason per run of garbage,
   * never an amount a Length field asks for.
   */
  @FuzzTest
  void feed_anyStreamAnyCuts_sameWellFormedFrames(FuzzedDataProvider data) {
    int max = data.consumeInt(2, 1024);
    int readSize = data.consumeInt(1, 64);
    byte[] stream = data.consumeRemainingAsBytes();

    List<String> whole = frames(stream, max, List.of(Integer.MAX_VALUE));
    assertThat(frames(stream, max, List.of(readSize))).isEqualTo(whole);
    assertThat(frames(stream, max, List.of(1))).isEqualTo(whole);
    for (String frame : whole) {
      byte[] bytes = HexFormat.of().parseHex(frame);
      assertThat(bytes.length).isBetween(2, max).isEqualTo(declaredLength(bytes));
    }
    assertThat(Allocations.of(() -> new LengthFramer(max, LengthFramer.DEFAULT_INTER_BYTE_TIMEOUT)
            .feed(ByteBuffer.wrap(stream), 0, IGNORING)))
        .as("bytes allocated framing %d bytes", stream.length)
        .isLessThan(16_384 + max + 128L * stream.length);
  }

  private static List<String> frames(byte[] stream, int max, List<Integer> readSizes) {
    LengthFramer framer = new LengthFramer(max, LengthFramer.DEFAULT_INTER_BYTE_TIMEOUT);
    RecordingFrameSink sink = new RecordingFrameSink();
    for (byte[] read : Reads.cut(stream, readSizes)) {
      framer.feed(ByteBuffer.wrap(read), 0, sink);
    }
    return sink.frames.stream().map(HexFormat.of()::formatHex).toList();
  }

  // What the frame's own header says its size is: its Length field, plus the encapsulated message.
  private static int declaredLength(byte[] frame) {
    int first = frame[0] & 0xFF;
    if (first == 0x01) {
      return (frame[1] & 0xFF) << 8 | frame[2] & 0xFF;
    }
    boolean encapsulated = frame[1] == (byte) 0xFE;
    return encapsulated ? first + declaredLength(java.util.Arrays.copyOfRange(frame, first, frame.length)) : first;
  }
}
