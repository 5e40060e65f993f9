package org.sngw.sn.framing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.List;
import org.sngw.property.FuzzDraw;

/**
 * A length-framed stream has no marks to resynchronise on but the inter-byte timeout: after
 * garbage and a pause past it, a sensor's next frame must come through, whatever the garbage was.
 */
class LengthFramerResyncFuzzTest {
  private static final long TIMEOUT_NANOS = LengthFramer.DEFAULT_INTER_BYTE_TIMEOUT.toNanos();

  @FuzzTest
  void feed_garbageThenSilenceThenFrame_deliversTheFrame(FuzzedDataProvider data) {
    int max = data.consumeInt(16, 600);
    byte[] frame = SnFrameGen.frame(new FuzzDraw(data), max);
    int readSize = data.consumeInt(1, 64);
    byte[] garbage = data.consumeRemainingAsBytes();
    LengthFramer framer = new LengthFramer(max, LengthFramer.DEFAULT_INTER_BYTE_TIMEOUT);
    RecordingFrameSink sink = new RecordingFrameSink();

    for (byte[] read : Reads.cut(garbage, List.of(readSize))) {
      framer.feed(ByteBuffer.wrap(read), 0, sink);
    }
    framer.feed(ByteBuffer.wrap(frame), TIMEOUT_NANOS + 1, sink);

    assertThat(sink.frames).isNotEmpty();
    assertThat(sink.frames.get(sink.frames.size() - 1)).isEqualTo(frame);
  }
}
