package org.sngw.sn.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.sn.codec.SnFrames.frame;

import java.nio.ByteBuffer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sngw.sn.codec.SnMalformed.Reason;

/** One frame per decoding rule: each gets its reason code, and a detail naming the field at fault. */
class SnDecoderMalformedTest {

  @Test
  void decode_emptyFrame_isMalformed() {
    assertMalformed(frame(), Reason.EMPTY_FRAME, "length", 0);
  }

  @Test
  void decode_lengthLargerThanFrame_isMalformed() {
    // Length 12, PUBACK, 7 more bytes
    ByteBuffer frame = frame(0x0C, 0x0D, 0, 1, 0, 2, 0, 0, 0);

    assertMalformed(frame, Reason.LENGTH_MISMATCH, "length 12 but frame has 9 bytes", 0);
  }

  @Test
  void decode_lengthSmallerThanFrame_isMalformed() {
    assertMalformed(frame(0x02, 0x17, 0x00), Reason.LENGTH_MISMATCH, "length 2 but frame has 3 bytes", 0);
  }

  @Test
  void decode_lengthShorterThanHeader_isMalformed() {
    assertMalformed(frame(0x00, 0x17), Reason.LENGTH_MISMATCH, "length 0 is shorter than the 2-byte header", 0);
  }

  @Test
  void decode_truncatedThreeByteLength_isMalformed() {
    assertMalformed(frame(0x01, 0x00), Reason.LENGTH_MISMATCH, "3-byte length truncated", 0);
  }

  @Test
  void decode_threeByteLengthShorterThanHeader_isMalformed() {
    assertMalformed(frame(0x01, 0x00, 0x03), Reason.LENGTH_MISMATCH, "length 3 is shorter than the 4-byte header", 0);
  }

  @ParameterizedTest
  @ValueSource(ints = {0x03, 0x11, 0x19, 0x1E, 0x1F, 0xFD, 0xFF})
  void decode_reservedMsgType_isMalformed(int type) {
    assertMalformed(frame(0x02, type), Reason.RESERVED_MSG_TYPE, String.format("msg type 0x%02X is reserved", type), 1);
  }

  @Test
  void decode_publishWithReservedTopicIdType_isMalformed() {
    // Length 7, PUBLISH, Flags with TopicIdType 0b11, TopicId, MsgId
    assertMalformed(frame(0x07, 0x0C, 0x03, 0, 1, 0, 1), Reason.RESERVED_TOPIC_ID_TYPE, "topic id type", 2);
  }

  @Test
  void decode_subscribeWithReservedTopicIdType_isMalformed() {
    // Length 7, SUBSCRIBE, Flags with TopicIdType 0b11, MsgId, 2 topic bytes
    assertMalformed(frame(0x07, 0x12, 0x23, 0, 1, 0, 1), Reason.RESERVED_TOPIC_ID_TYPE, "topic id type", 2);
  }

  @Test
  void decode_connectWithWrongProtocolId_isMalformed() {
    // Length 7, CONNECT, Flags, ProtocolId 0x02, Duration, ClientId "a"
    assertMalformed(frame(0x07, 0x04, 0x04, 0x02, 0, 60, 'a'), Reason.UNKNOWN_PROTOCOL_ID, "protocol id 0x02", 3);
  }

  @Test
  void decode_connAckWithReservedReturnCode_isMalformed() {
    assertMalformed(frame(0x03, 0x05, 0x04), Reason.RESERVED_RETURN_CODE, "return code 4", 2);
  }

  @Test
  void decode_pubAckWithReservedReturnCode_isMalformed() {
    // Length 7, PUBACK, TopicId, MsgId, ReturnCode 0xFF
    assertMalformed(frame(0x07, 0x0D, 0, 1, 0, 2, 0xFF), Reason.RESERVED_RETURN_CODE, "return code 255", 6);
  }

  @Test
  void decode_connectWithMalformedUtf8ClientId_isMalformed() {
    // Length 9, CONNECT, Flags, ProtocolId, Duration, ClientId 'a' 0xC3 0x28 (bad continuation)
    assertMalformed(frame(0x09, 0x04, 0, 0x01, 0, 60, 'a', 0xC3, 0x28), Reason.INVALID_UTF8, "client id", 7);
  }

  @Test
  void decode_registerWithOverlongUtf8TopicName_isMalformed() {
    // Length 8, REGISTER, TopicId, MsgId, TopicName 0xC0 0xAF (overlong '/')
    assertMalformed(frame(0x08, 0x0A, 0, 1, 0, 2, 0xC0, 0xAF), Reason.INVALID_UTF8, "topic name", 6);
  }

  @Test
  void decode_subscribeWithSurrogateInTopicName_isMalformed() {
    // Length 8, SUBSCRIBE, Flags normal, MsgId, TopicName 0xED 0xA0 0x80 (U+D800)
    assertMalformed(frame(0x08, 0x12, 0x00, 0, 1, 0xED, 0xA0, 0x80), Reason.INVALID_UTF8, "topic name", 5);
  }

  @Test
  void decode_willTopicWithTruncatedUtf8_isMalformed() {
    // Length 5, WILLTOPIC, Flags, Topic 'a' then the first 1 of 3 bytes of '€'
    assertMalformed(frame(0x05, 0x07, 0x00, 'a', 0xE2), Reason.INVALID_UTF8, "will topic", 4);
  }

  @Test
  void decode_pubAckOfEightBytes_isMalformed() {
    assertMalformed(frame(0x08, 0x0D, 0, 1, 0, 2, 0, 0),
        Reason.WRONG_MESSAGE_LENGTH, "PUBACK length 8 but must be 7", 0);
  }

  @Test
  void decode_pingRespWithBody_isMalformed() {
    assertMalformed(frame(0x03, 0x17, 0x00), Reason.WRONG_MESSAGE_LENGTH, "PINGRESP length 3 but must be 2", 0);
  }

  @Test
  void decode_publishShorterThanFixedFields_isMalformed() {
    assertMalformed(frame(0x06, 0x0C, 0, 0, 1, 0),
        Reason.WRONG_MESSAGE_LENGTH, "PUBLISH length 6 but must be at least 7", 0);
  }

  @Test
  void decode_disconnectOfThreeBytes_isMalformed() {
    assertMalformed(frame(0x03, 0x18, 0x00), Reason.WRONG_MESSAGE_LENGTH, "DISCONNECT length 3 but must be 2 or 4", 0);
  }

  @Test
  void decode_subscribeWithThreeBytePredefinedTopicId_isMalformed() {
    // Length 8, SUBSCRIBE, Flags predefined, MsgId, 3 topic id bytes
    assertMalformed(frame(0x08, 0x12, 0x01, 0, 1, 0, 2, 3), Reason.TOPIC_ID_LENGTH, "topic id needs 2 bytes", 5);
  }

  @Test
  void decode_unsubscribeWithOneByteShortTopic_isMalformed() {
    // Length 6, UNSUBSCRIBE, Flags short, MsgId, 1 topic byte
    assertMalformed(frame(0x06, 0x14, 0x02, 0, 1, 't'), Reason.TOPIC_ID_LENGTH, "short topic name needs 2 bytes", 5);
  }

  @Test
  void decode_unsubscribeWithoutItsShortTopic_blamesTheFlagsInsideTheFrame() {
    // Length 5, UNSUBSCRIBE, Flags short, MsgId, nothing: found by SnDecoderFuzzTest
    assertMalformed(frame(0x05, 0x14, 0x2A, 0xDF, 0x40),
        Reason.TOPIC_ID_LENGTH, "short topic name needs 2 bytes but has 0", 2);
  }

  @Test
  void decode_encapsulationWithEmptyNodeId_isMalformed() {
    // Length 3, ENCAPSULATED, Ctrl, no node id, then PINGRESP
    assertMalformed(frame(0x03, 0xFE, 0x00, 0x02, 0x17), Reason.BAD_ENCAPSULATION, "wireless node id", 0);
  }

  @Test
  void decode_encapsulationLongerThanFrame_isMalformed() {
    assertMalformed(frame(0x09, 0xFE, 0x00, 0xAB, 0x02, 0x17), Reason.BAD_ENCAPSULATION, "encapsulation length 9", 0);
  }

  @Test
  void decode_encapsulationWithoutMessage_isMalformed() {
    assertMalformed(frame(0x04, 0xFE, 0x00, 0xAB), Reason.BAD_ENCAPSULATION, "leaves no message", 0);
  }

  @Test
  void decode_nestedEncapsulation_isMalformed() {
    // outer header (node 0x01), inner header (node 0x02), PINGRESP
    ByteBuffer frame = frame(0x04, 0xFE, 0x00, 0x01, 0x04, 0xFE, 0x00, 0x02, 0x02, 0x17);

    assertMalformed(frame, Reason.BAD_ENCAPSULATION, "ENCAPSULATED nested", 5);
  }

  @Test
  void decode_encapsulationInThreeByteLengthForm_isMalformed() {
    assertMalformed(frame(0x01, 0x00, 0x05, 0xFE, 0xAB), Reason.BAD_ENCAPSULATION, "1-byte length form", 3);
  }

  @Test
  void decode_encapsulatedMalformedMessage_reportsFrameOffset() {
    // header of 5 bytes, then CONNACK with return code 7 at frame offset 7
    ByteBuffer frame = frame(0x05, 0xFE, 0x00, 0xAB, 0xCD, 0x03, 0x05, 0x07);

    assertMalformed(frame, Reason.RESERVED_RETURN_CODE, "return code 7", 7);
  }

  @Test
  void decode_malformedFrameAtBufferOffset_reportsOffsetFromPosition() {
    ByteBuffer frame = ByteBuffer.wrap(SnFrames.array(0xEE, 0xEE, 0x03, 0x05, 0x04), 2, 3);

    assertMalformed(frame, Reason.RESERVED_RETURN_CODE, "return code 4", 2);
  }

  private static void assertMalformed(ByteBuffer frame, Reason reason, String detail, int offset) {
    assertThat(SnDecoder.decode(frame))
        .asInstanceOf(InstanceOfAssertFactories.type(SnMalformed.class))
        .satisfies(m -> {
          assertThat(m.reason()).isEqualTo(reason);
          assertThat(m.detail()).contains(detail);
          assertThat(m.offset()).isEqualTo(offset);
        });
  }
}
