package org.sngw.transport.serial.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.transport.serial.framing.Bytes.hex;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The encoding examples of the COBS article on Wikipedia, without the trailing delimiter. */
class CobsTest {

  @ParameterizedTest
  @CsvSource({
    "00,          01 01",
    "00 00,       01 01 01",
    "00 11 00,    01 02 11 01",
    "11 22 00 33, 03 11 22 02 33",
    "11 22 33 44, 05 11 22 33 44",
    "11 00 00 00, 02 11 01 01 01",
  })
  void encodeAndDecode_shortExamples_matchTheArticle(String decoded, String encoded) {
    assertRoundTrip(hex(decoded), hex(encoded));
  }

  @Test
  void encodeAndDecode_254NonZeroBytes_oneFullBlockAndNoTrailingCode() {
    byte[] decoded = range(0x01, 0xFE);

    assertRoundTrip(decoded, concat(hex("FF"), decoded));
  }

  @Test
  void encodeAndDecode_zeroThen254NonZeroBytes_emptyBlockThenFullBlock() {
    byte[] data = range(0x01, 0xFE);

    assertRoundTrip(concat(hex("00"), data), concat(hex("01 FF"), data));
  }

  @Test
  void encodeAndDecode_255NonZeroBytes_fullBlockThenOneByteBlock() {
    byte[] decoded = range(0x01, 0xFF);

    assertRoundTrip(decoded, concat(hex("FF"), range(0x01, 0xFE), hex("02 FF")));
  }

  @Test
  void encodeAndDecode_254NonZeroBytesThenZero_fullBlockThenTwoEmptyBlocks() {
    byte[] decoded = concat(range(0x02, 0xFF), hex("00"));

    assertRoundTrip(decoded, concat(hex("FF"), range(0x02, 0xFF), hex("01 01")));
  }

  @Test
  void decode_packetSerialsTrailingCodeAfterAFullBlock_isAccepted() {
    // PacketSerial ends 254 non-zero bytes with an extra empty block: FF, the bytes, 01
    byte[] encoded = concat(hex("FF"), range(0x01, 0xFE), hex("01"));

    int length = Cobs.decodeInPlace(encoded, encoded.length);

    assertThat(Arrays.copyOf(encoded, length)).isEqualTo(range(0x01, 0xFE));
  }

  @Test
  void decode_blockRunningPastTheEnd_fails() {
    byte[] encoded = hex("05 11 22");

    assertThat(Cobs.decodeInPlace(encoded, encoded.length)).isEqualTo(-1);
  }

  private static void assertRoundTrip(byte[] decoded, byte[] encoded) {
    byte[] out = new byte[Cobs.maxEncodedLength(decoded.length)];
    int encodedLength = Cobs.encode(decoded, decoded.length, out);
    assertThat(hex(Arrays.copyOf(out, encodedLength))).isEqualTo(hex(encoded));

    byte[] buf = encoded.clone();
    int decodedLength = Cobs.decodeInPlace(buf, buf.length);
    assertThat(hex(Arrays.copyOf(buf, decodedLength))).isEqualTo(hex(decoded));
  }

  private static byte[] range(int first, int last) {
    byte[] out = new byte[last - first + 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (first + i);
    }
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    byte[] out = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }
}
