package org.sngw.store.mvstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sngw.property.PropertyCheck.forAll;

import org.junit.jupiter.api.Test;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.property.Draw;

class MessageCodecTest {

  @Test
  void decode_ofEncode_givesTheSameMessage() {
    forAll(200, MessageCodecTest::anyMessage,
        message -> assertThat(MessageCodec.decode(MessageCodec.encode(message))).isEqualTo(message));
  }

  /** Any Unicode topic, as a client's UTF-8 decodes to; any payload. */
  private static Message anyMessage(Draw d) {
    StringBuilder topic = new StringBuilder();
    d.list(0, 100, Draw::codePoint).forEach(topic::appendCodePoint);
    return new Message(topic.toString(), d.bytes(0, 400), d.of(Qos.class), d.bool());
  }

  @Test
  void encode_smallMessage_isVersionFlagsTopicAndPayload() {
    byte[] encoded = MessageCodec.encode(new Message("a/b", new byte[] {7, 8}, Qos.EXACTLY_ONCE, true));

    assertThat(encoded).containsExactly(
        1, // version
        0b110, // retain bit and QoS 2
        3, 'a', '/', 'b', // topic: length, UTF-8
        2, 7, 8); // payload: length, bytes
  }

  @Test
  void decode_unknownVersion_isRefused() {
    assertThatThrownBy(() -> MessageCodec.decode(new byte[] {2, 0, 0, 0}))
        .isInstanceOf(ValueFormatException.class)
        .hasMessageContaining("version 2");
  }

  @Test
  void decode_qos3_isRefused() {
    assertThatThrownBy(() -> MessageCodec.decode(new byte[] {1, 0b11, 0, 0}))
        .isInstanceOf(ValueFormatException.class)
        .hasMessageContaining("flags");
  }

  @Test
  void decode_payloadLengthPastTheEnd_isRefused() {
    assertThatThrownBy(() -> MessageCodec.decode(new byte[] {1, 0, 1, 'a', 5, 1}))
        .isInstanceOf(ValueFormatException.class)
        .hasMessageContaining("runs past the end");
  }

  @Test
  void decode_bytesLeftOver_isRefused() {
    assertThatThrownBy(() -> MessageCodec.decode(new byte[] {1, 0, 1, 'a', 0, 9}))
        .isInstanceOf(ValueFormatException.class)
        .hasMessageContaining("left over");
  }

  @Test
  void decode_bigPayload_usesAMultiByteLength() {
    Message message = new Message("t", new byte[300], Qos.AT_LEAST_ONCE, false);

    byte[] encoded = MessageCodec.encode(message);

    assertThat(encoded).hasSize(1 + 1 + 2 + 2 + 300);
    assertThat(MessageCodec.decode(encoded)).isEqualTo(message);
  }
}
