package org.sngw.store.mvstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sngw.property.PropertyCheck.forAll;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.message.Message;
import org.sngw.message.MessageProperties;
import org.sngw.message.Qos;
import org.sngw.property.Draw;

class MessageCodecTest {

  @Test
  void decode_ofEncode_givesTheSameMessage() {
    forAll(200, MessageCodecTest::anyMessage,
        message -> assertThat(MessageCodec.decode(MessageCodec.encode(message))).isEqualTo(message));
  }

  /** Any Unicode topic, as a client's UTF-8 decodes to; any payload; any MQTT 5 properties, or none. */
  private static Message anyMessage(Draw d) {
    MessageProperties properties = d.bool() ? MessageProperties.NONE : new MessageProperties(
        d.bool() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(d.between(0, Integer.MAX_VALUE) * 1000L)),
        d.bool(),
        d.bool() ? Optional.empty() : Optional.of(anyText(d)),
        d.bool() ? Optional.empty() : Optional.of(anyText(d)),
        d.bool() ? Optional.empty() : Optional.of(d.bytes(0, 40)),
        d.list(0, 4, draw -> new MessageProperties.UserProperty(anyText(draw), anyText(draw))));
    return new Message(anyText(d), d.bytes(0, 400), d.of(Qos.class), d.bool(), properties);
  }

  private static String anyText(Draw d) {
    StringBuilder text = new StringBuilder();
    d.list(0, 100, Draw::codePoint).forEach(text::appendCodePoint);
    return text.toString();
  }

  @Test
  void messageWithoutProperties_isWrittenAsVersion1_soEveryReleaseReadsIt() {
    assertThat(MessageCodec.encode(new Message("t", new byte[0], Qos.AT_MOST_ONCE, false))[0]).isEqualTo((byte) 1);
    assertThat(MessageCodec.encode(new Message("t", new byte[0], Qos.AT_MOST_ONCE, false, new MessageProperties(
        Optional.empty(), true, Optional.empty(), Optional.empty(), Optional.empty(), List.of())))[0])
        .isEqualTo((byte) 2);
  }

  @Test
  void decode_unknownPropertyBits_orTooManyUserProperties_areRefused() {
    assertThatThrownBy(() -> MessageCodec.decode(new byte[] {2, 0, 0, 0, 0b100000, 0}))
        .isInstanceOf(ValueFormatException.class)
        .hasMessageContaining("properties");
    assertThatThrownBy(() -> MessageCodec.decode(new byte[] {2, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0x7F}))
        .isInstanceOf(ValueFormatException.class)
        .hasMessageContaining("user properties");
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
    assertThatThrownBy(() -> MessageCodec.decode(new byte[] {3, 0, 0, 0}))
        .isInstanceOf(ValueFormatException.class)
        .hasMessageContaining("version 3");
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
