package org.sngw.sn.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.property.PropertyCheck.forAll;
import static org.sngw.sn.codec.SnFrames.concat;
import static org.sngw.sn.codec.SnFrames.toArray;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sngw.property.Draw;
import org.sngw.property.Gen;

/** The decoder keeps its contract on any bytes; the encoder and decoder are inverses. */
class SnCodecPropertiesTest {

  @Test
  void decode_randomBytes_keepsItsContract() {
    forAll(Gen.bytes(0, 600), SnDecoderContract::check);
  }

  @Test
  void decode_mutatedEncoding_keepsItsContract() {
    forAll(SnCodecPropertiesTest::mutatedEncoding, SnDecoderContract::check);
  }

  @Test
  void decode_encodedPacket_equalsOriginal() {
    forAll(SnPacketGen::packet, packet -> {
      ByteBuffer encoded = SnEncoder.encode(packet);

      assertThat(encoded.remaining()).isEqualTo(SnEncoder.encodedLength(packet));
      assertThat(SnDecoder.decode(encoded)).isEqualTo(packet);
    });
  }

  @Test
  void decode_encodingInDirectBufferAtOffset_equalsOriginal() {
    forAll(SnPacketGen::packet, packet -> {
      ByteBuffer direct = ByteBuffer.allocateDirect(SnEncoder.encodedLength(packet) + 7);
      direct.position(5);
      SnEncoder.encode(packet, direct);
      direct.limit(direct.position()).position(5);

      assertThat(SnDecoder.decode(direct)).isEqualTo(packet);
    });
  }

  /** A valid encoding, then one edit: the decoder meets every field check this way. */
  static byte[] mutatedEncoding(Draw d) {
    byte[] bytes = toArray(SnEncoder.encode(SnPacketGen.packet(d)));
    return switch (d.between(0, 4)) {
      case 0 -> flipped(bytes, d);
      case 1 -> Arrays.copyOf(bytes, d.between(0, bytes.length - 1));
      case 2 -> concat(bytes, d.bytes(1, 8));
      case 3 -> lengthEdited(bytes, d);
      default -> rebodied(bytes, d);
    };
  }

  private static byte[] flipped(byte[] bytes, Draw d) {
    byte[] copy = bytes.clone();
    copy[d.between(0, bytes.length - 1)] ^= (byte) d.between(1, 0xFF);
    return copy;
  }

  // The Length field of the frame, or of the message inside an encapsulation.
  private static byte[] lengthEdited(byte[] bytes, Draw d) {
    int field = d.of(0, messageStart(bytes));
    int value = d.between(0, 0xFFFF);
    byte[] copy = bytes.clone();
    if (copy[field] == 0x01 && field + 2 < copy.length) {
      copy[field + 1] = (byte) (value >> 8);
      copy[field + 2] = (byte) value;
    } else {
      copy[field] = (byte) value;
    }
    return copy;
  }

  // Same message type, random body, consistent Length: gets past framing to the field checks.
  private static byte[] rebodied(byte[] bytes, Draw d) {
    int at = messageStart(bytes);
    int type = bytes[at] == 0x01 ? bytes[at + 3] : bytes[at + 1];
    byte[] body = d.bytes(0, 12);
    byte[] header = {(byte) (2 + body.length), (byte) type};
    return concat(Arrays.copyOf(bytes, at), concat(header, body));
  }

  // Where the MQTT-SN message starts: 0, or after an encapsulation header.
  private static int messageStart(byte[] bytes) {
    boolean encapsulated = (bytes[1] & 0xFF) == SnMessageType.ENCAPSULATED.code();
    return encapsulated ? bytes[0] & 0xFF : 0;
  }
}
