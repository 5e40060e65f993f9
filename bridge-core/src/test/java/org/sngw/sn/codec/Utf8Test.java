package org.sngw.sn.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.property.PropertyCheck.forAll;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sngw.property.Draw;

/** The codec's UTF-8 must agree exactly with the JDK's strict (REPORT) UTF-8 coder. */
class Utf8Test {
  private static final int[] LEADS =
      {0x80, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF};
  private static final int[] TRAILS = {0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};

  @Test
  void firstInvalid_anyBytes_agreesWithJdkDecoder() {
    forAll(Utf8Test::nearlyUtf8, Utf8Test::assertAgreesWithJdk);
  }

  @Test
  void write_validString_matchesJdkEncoding() {
    forAll(SnPacketGen.strings(0, 60), s -> {
      byte[] expected = s.getBytes(StandardCharsets.UTF_8);
      ByteBuffer out = ByteBuffer.allocate(expected.length);

      Utf8.write(s, out);

      assertThat(Utf8.length(s)).isEqualTo(expected.length);
      assertThat(out.array()).containsExactly(expected);
    });
  }

  /** Also the fuzz test's property, so coverage-guided inputs are judged the same way. */
  static void assertAgreesWithJdk(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = jdk.decode(in, out, true);
    boolean jdkAccepts = !result.isError() && !in.hasRemaining();

    int invalid = Utf8.firstInvalid(ByteBuffer.wrap(bytes), 0, bytes.length);

    if (jdkAccepts) {
      assertThat(invalid).isEqualTo(-1);
      assertThat(Utf8.read(ByteBuffer.wrap(bytes), 0, bytes.length))
          .isEqualTo(out.flip().toString());
    } else {
      assertThat(invalid).isEqualTo(in.position());
    }
  }

  /**
   * Valid encodings of random code points, mixed with truncated ones and with near misses: a lead
   * byte followed by bytes at the edges of the continuation ranges (overlongs, surrogates, code
   * points past U+10FFFF).
   */
  static byte[] nearlyUtf8(Draw d) {
    byte[] out = new byte[0];
    int parts = d.between(0, 8);
    for (int i = 0; i < parts; i++) {
      byte[] part = switch (d.weighted(3, 1, 3, 1)) {
        case 0 -> codePoint(d);
        case 1 -> truncatedCodePoint(d);
        case 2 -> nearMiss(d);
        default -> new byte[] {d.anyByte()};
      };
      out = SnFrames.concat(out, part);
    }
    return out;
  }

  private static byte[] codePoint(Draw d) {
    return SnPacketGen.string(d, 1, 2).getBytes(StandardCharsets.UTF_8);
  }

  // A multi-byte encoding missing its last byte; a 1-byte one is taken whole.
  private static byte[] truncatedCodePoint(Draw d) {
    byte[] whole = codePoint(d);
    return whole.length > 1 ? Arrays.copyOf(whole, whole.length - 1) : whole;
  }

  private static byte[] nearMiss(Draw d) {
    byte[] out = new byte[1 + d.between(0, 3)];
    out[0] = (byte) LEADS[d.between(0, LEADS.length - 1)];
    for (int i = 1; i < out.length; i++) {
      out[i] = (byte) TRAILS[d.between(0, TRAILS.length - 1)];
    }
    return out;
  }
}
