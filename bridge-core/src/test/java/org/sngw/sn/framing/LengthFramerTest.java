package org.sngw.sn.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class LengthFramerTest {
  private static final long MS = 1_000_000L;

  // Length 0x0D, CONNECT 0x04, Flags 0x04 (clean session), ProtocolId 0x01, Duration 0x003C,
  // ClientId "sensor1"
  private static final String CONNECT = "0D 04 04 01 003C 73656E736F7231";
  // Length 0x02, PINGREQ 0x16
  private static final String PINGREQ = "02 16";
  // 0x01 then Length 0x000B, PUBLISH 0x0C, Flags 0x00, TopicId 0x0001, MsgId 0x0000, Data "hi"
  private static final String PUBLISH_LONG_FORM = "01 000B 0C 00 0001 0000 6869";
  // Length 0x05, ENCAPSULATED 0xFE, Ctrl 0x01 (radius 1), WirelessNodeId ABCD, then a PINGREQ
  private static final String ENCAPSULATED_PINGREQ = "05 FE 01 ABCD 02 16";

  private final LengthFramer framer = new LengthFramer(64, Duration.ofMillis(100));
  private final RecordingFrameSink sink = new RecordingFrameSink();

  @Test
  void feed_connectInOneRead_emitsIt() {
    feed(CONNECT, 0);

    assertFrames(CONNECT);
    assertThat(sink.discards).isEmpty();
  }

  @Test
  void feed_connectOneByteAtATime_emitsItWithTheLastByte() {
    byte[] bytes = hex(CONNECT);
    for (int i = 0; i < bytes.length; i++) {
      assertThat(sink.frames).isEmpty();
      framer.feed(ByteBuffer.wrap(bytes, i, 1), i * MS, sink);
    }

    assertFrames(CONNECT);
  }

  @Test
  void feed_threeFramesInOneRead_emitsThemInOrder() {
    feed(CONNECT + PINGREQ + PUBLISH_LONG_FORM, 0);

    assertFrames(CONNECT, PINGREQ, PUBLISH_LONG_FORM);
  }

  @Test
  void feed_encapsulation_emitsHeaderAndMessageAsOneFrame() {
    feed(ENCAPSULATED_PINGREQ + PINGREQ, 0);

    assertFrames(ENCAPSULATED_PINGREQ, PINGREQ);
  }

  @Test
  void feed_frameOfMaximumSize_emitsIt() {
    String max = "40 0C" + "00".repeat(62);

    feed(max, 0);

    assertFrames(max);
  }

  @Test
  void feed_zeroBytesBeforeFrame_skipsThemInOneReport() {
    feed("00 00 00" + PINGREQ, 0);

    assertFrames(PINGREQ);
    assertThat(sink.discards).containsExactly("3 byte(s) skipped, the first because length 0 is below 2");
  }

  @Test
  void feed_unknownMsgType_dropsOneByteAndLooksAgain() {
    // 05 FF: MsgType 0xFF is reserved; then FF alone is a length over the maximum
    feed("05 FF" + PINGREQ, 0);

    assertFrames(PINGREQ);
    assertThat(sink.discards).containsExactly("2 byte(s) skipped, the first because msg type 0xFF is unknown");
  }

  @Test
  void feed_lengthOverMaximum_skipsIt() {
    feed("41 0C" + PINGREQ, 0);

    // 41 is over 64; 0C then 02 is a 12-byte GWINFO still waiting for its bytes
    assertThat(sink.frames).isEmpty();
    assertThat(sink.discards).containsExactly("1 byte(s) skipped, the first because length 65 is over the maximum 64");
  }

  @Test
  void feed_threeByteLengthBelowFour_skipsIt() {
    feed("01 0000" + PINGREQ, 0);

    assertFrames(PINGREQ);
    assertThat(sink.discards).containsExactly("3 byte(s) skipped, the first because 3-byte length 0 is below 4");
  }

  @Test
  void feed_threeByteLengthOverMaximum_skipsIt() {
    feed("01 0041 0C" + PINGREQ, 0);

    assertThat(sink.discards).first().asString().endsWith("length 65 is over the maximum 64");
  }

  @Test
  void feed_encapsulationWithoutNodeId_skipsIt() {
    // Length 3 leaves no node id; FE is over the maximum; 00 is below 2
    feed("03 FE 00" + PINGREQ, 0);

    assertFrames(PINGREQ);
    assertThat(sink.discards).containsExactly(
        "3 byte(s) skipped, the first because encapsulation length 3 leaves no wireless node id");
  }

  @Test
  void feed_encapsulatedMessageWithUnknownType_skipsTheEncapsulation() {
    feed("05 FE 01 ABCD 02 FF" + PINGREQ, 0);

    assertThat(sink.discards).first().asString()
        .isEqualTo("7 byte(s) skipped, the first because encapsulated message: msg type 0xFF is unknown");
    assertFrames(PINGREQ);
  }

  @Test
  void feed_partialFrameContinuedAtTheTimeout_completes() {
    feed("0D 04 04", 0);
    feed("01 003C 73656E736F7231", 100 * MS);

    assertFrames(CONNECT);
    assertThat(sink.discards).isEmpty();
  }

  @Test
  void feed_partialFrameNotContinuedInTime_isDroppedBeforeNewBytes() {
    feed("0D 04 04", 0);
    feed(PINGREQ, 100 * MS + 1);

    assertFrames(PINGREQ);
    assertThat(sink.discards).containsExactly("partial frame of 3 bytes not continued within 100 ms");
  }

  @Test
  void feed_garbageLookingLikeAHeader_holdsTheFramesBehindItUntilTheTimeout() {
    // 30 0C: a 48-byte PUBLISH header that never was one
    feed("30 0C" + PINGREQ, 0);
    feed(PINGREQ, 200 * MS);

    assertFrames(PINGREQ);
    assertThat(sink.discards).containsExactly("partial frame of 4 bytes not continued within 100 ms");
  }

  @Test
  void feed_emptyReadAfterTheTimeout_dropsThePartialFrame() {
    feed("0D 04", 0);
    feed("", 101 * MS);

    assertThat(sink.discards).containsExactly("partial frame of 2 bytes not continued within 100 ms");
  }

  @Test
  void feed_frame_isAViewFromPositionZero() {
    List<String> views = new ArrayList<>();
    framer.feed(ByteBuffer.wrap(hex("00" + PINGREQ)), 0, new FrameSink() {
      @Override
      public void frame(ByteBuffer frame) {
        views.add(frame.position() + ".." + frame.limit());
      }

      @Override
      public void discarded(String reason) {}
    });

    assertThat(views).containsExactly("0..2");
  }

  @Test
  void reset_forgetsThePartialFrame() {
    feed("0D 04 04", 0);

    framer.reset();
    feed(PINGREQ, 1);

    assertFrames(PINGREQ);
    assertThat(sink.discards).isEmpty();
  }

  @Test
  void new_maxFrameSizeOrTimeoutOutOfRange_throws() {
    assertThatThrownBy(() -> new LengthFramer(1, Duration.ofMillis(100)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFrameSize");
    assertThatThrownBy(() -> new LengthFramer(65_536, Duration.ofMillis(100)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFrameSize");
    assertThatThrownBy(() -> new LengthFramer(64, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interByteTimeout");
  }

  private void feed(String hex, long nowNanos) {
    framer.feed(ByteBuffer.wrap(hex(hex)), nowNanos, sink);
  }

  private void assertFrames(String... expected) {
    assertThat(sink.frames).extracting(HexFormat.of()::formatHex)
        .containsExactly(Arrays.stream(expected).map(e -> e.replace(" ", "").toLowerCase()).toArray(String[]::new));
  }

  private static byte[] hex(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }
}
