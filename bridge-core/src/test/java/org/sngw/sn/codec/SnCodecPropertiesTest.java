package org.sngw.sn.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.sn.codec.SnFrames.concat;
import static org.sngw.sn.codec.SnFrames.toArray;

import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The decoder takes any bytes without throwing; the encoder and decoder are inverses. */
class SnCodecPropertiesTest {

  @Property
  void decode_randomBytes_neverThrows(@ForAll @Size(max = 600) byte[] bytes) {
    assertDecodesWithoutThrowing(bytes);
  }

  @Property
  void decode_mutatedEncoding_neverThrows(@ForAll("mutatedEncodings") byte[] bytes) {
    assertDecodesWithoutThrowing(bytes);
  }

  @Property
  void decode_encodedPacket_equalsOriginal(@ForAll("packets") SnPacket packet) {
    ByteBuffer encoded = SnEncoder.encode(packet);

    assertThat(encoded.remaining()).isEqualTo(SnEncoder.encodedLength(packet));
    assertThat(SnDecoder.decode(encoded)).isEqualTo(packet);
  }

  @Property
  void decode_encodingInDirectBufferAtOffset_equalsOriginal(@ForAll("packets") SnPacket packet) {
    ByteBuffer direct = ByteBuffer.allocateDirect(SnEncoder.encodedLength(packet) + 7);
    direct.position(5);
    SnEncoder.encode(packet, direct);
    direct.limit(direct.position()).position(5);

    assertThat(SnDecoder.decode(direct)).isEqualTo(packet);
  }

  @Provide
  Arbitrary<SnPacket> packets() {
    return SnPacketArbitraries.packets();
  }

  @Provide
  Arbitrary<byte[]> mutatedEncodings() {
    return SnPacketArbitraries.packets()
        .map(p -> toArray(SnEncoder.encode(p)))
        .flatMap(bytes -> Arbitraries.oneOf(
            flipped(bytes), truncated(bytes), extended(bytes), lengthEdited(bytes),
            rebodied(bytes)));
  }

  /**
   * Decoding never throws, leaves the buffer alone, gives the same answer wherever the frame
   * sits, and whatever it accepts re-encodes to the same packet.
   */
  private static void assertDecodesWithoutThrowing(byte[] bytes) {
    ByteBuffer heap = ByteBuffer.wrap(bytes);
    SnDecodeResult result = SnDecoder.decode(heap);

    assertThat(result).isNotNull();
    assertThat(heap.position()).isZero();
    assertThat(heap.limit()).isEqualTo(bytes.length);
    assertThat(SnDecoder.decode(atOffset(bytes))).isEqualTo(result);
    assertThat(SnDecoder.decode(direct(bytes))).isEqualTo(result);
    if (result instanceof SnPacket packet) {
      assertThat(SnDecoder.decode(SnEncoder.encode(packet))).isEqualTo(packet);
    } else if (result instanceof SnMalformed malformed) {
      assertThat(malformed.offset()).isBetween(0, bytes.length);
    }
  }

  private static Arbitrary<byte[]> flipped(byte[] bytes) {
    return Combinators.combine(
            Arbitraries.integers().between(0, bytes.length - 1),
            Arbitraries.integers().between(1, 0xFF))
        .as((at, mask) -> {
          byte[] copy = bytes.clone();
          copy[at] ^= mask.byteValue();
          return copy;
        });
  }

  private static Arbitrary<byte[]> truncated(byte[] bytes) {
    return Arbitraries.integers().between(0, bytes.length - 1)
        .map(size -> Arrays.copyOf(bytes, size));
  }

  private static Arbitrary<byte[]> extended(byte[] bytes) {
    return SnPacketArbitraries.bytes(1, 8).map(extra -> concat(bytes, extra));
  }

  // The Length field of the frame, or of the message inside an encapsulation.
  private static Arbitrary<byte[]> lengthEdited(byte[] bytes) {
    Arbitrary<Integer> values = Arbitraries.integers().between(0, 0xFFFF);
    return Combinators.combine(Arbitraries.of(0, messageStart(bytes)), values)
        .as((field, value) -> {
          byte[] copy = bytes.clone();
          if (copy[field] == 0x01 && field + 2 < copy.length) {
            copy[field + 1] = (byte) (value >> 8);
            copy[field + 2] = value.byteValue();
          } else {
            copy[field] = value.byteValue();
          }
          return copy;
        });
  }

  // Same message type, random body, consistent Length: gets past framing to the field checks.
  private static Arbitrary<byte[]> rebodied(byte[] bytes) {
    int at = messageStart(bytes);
    int type = bytes[at] == 0x01 ? bytes[at + 3] : bytes[at + 1];
    return SnPacketArbitraries.bytes(0, 12).map(body -> {
      byte[] header = {(byte) (2 + body.length), (byte) type};
      return concat(Arrays.copyOf(bytes, at), concat(header, body));
    });
  }

  // Where the MQTT-SN message starts: 0, or after an encapsulation header.
  private static int messageStart(byte[] bytes) {
    boolean encapsulated = (bytes[1] & 0xFF) == SnMessageType.ENCAPSULATED.code();
    return encapsulated ? bytes[0] & 0xFF : 0;
  }

  private static ByteBuffer atOffset(byte[] bytes) {
    return ByteBuffer.wrap(concat(new byte[] {0x7F, 0x01}, concat(bytes, new byte[] {0x02})))
        .position(2)
        .limit(2 + bytes.length)
        .slice()
        .position(0);
  }

  private static ByteBuffer direct(byte[] bytes) {
    return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
  }
}
