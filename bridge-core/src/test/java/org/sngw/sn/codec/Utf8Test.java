package org.sngw.sn.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The codec's UTF-8 must agree exactly with the JDK's strict (REPORT) UTF-8 coder. */
class Utf8Test {

  @Property
  void firstInvalid_anyBytes_agreesWithJdkDecoder(@ForAll("nearlyUtf8") byte[] bytes) {
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

  @Property
  void write_validString_matchesJdkEncoding(@ForAll("strings") String s) {
    byte[] expected = s.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(expected.length);

    Utf8.write(s, out);

    assertThat(Utf8.length(s)).isEqualTo(expected.length);
    assertThat(out.array()).containsExactly(expected);
  }

  @Provide
  Arbitrary<String> strings() {
    return SnPacketArbitraries.strings(0, 60);
  }

  /**
   * Valid encodings of random code points, mixed with truncated ones and with near misses: a lead
   * byte followed by bytes at the edges of the continuation ranges (overlongs, surrogates, code
   * points past U+10FFFF).
   */
  @Provide
  Arbitrary<byte[]> nearlyUtf8() {
    Arbitrary<byte[]> codePoint = SnPacketArbitraries.strings(1, 2)
        .map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> truncated = codePoint
        .filter(b -> b.length > 1)
        .map(b -> Arrays.copyOf(b, b.length - 1));
    Arbitrary<Integer> lead = Arbitraries.of(
        0x80, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF);
    Arbitrary<List<Integer>> trail = Arbitraries.of(0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0)
        .list()
        .ofMaxSize(3);
    Arbitrary<byte[]> nearMiss = Combinators.combine(lead, trail).as((first, rest) -> {
      byte[] out = new byte[1 + rest.size()];
      out[0] = first.byteValue();
      for (int i = 0; i < rest.size(); i++) {
        out[i + 1] = rest.get(i).byteValue();
      }
      return out;
    });
    Arbitrary<byte[]> any = Arbitraries.bytes().map(b -> new byte[] {b});
    return Arbitraries.frequencyOf(
            Tuple.of(3, codePoint), Tuple.of(1, truncated), Tuple.of(3, nearMiss), Tuple.of(1, any))
        .list()
        .ofMaxSize(8)
        .map(Utf8Test::join);
  }

  private static byte[] join(List<byte[]> parts) {
    byte[] out = new byte[0];
    for (byte[] part : parts) {
      out = SnFrames.concat(out, part);
    }
    return out;
  }
}
