package org.sngw.sn.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sngw.sn.codec.SnFrames.array;
import static org.sngw.sn.codec.SnFrames.toArray;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.sngw.sn.codec.SnPacket.Encapsulated;
import org.sngw.sn.codec.SnPacket.PingResp;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.Register;
import org.sngw.sn.codec.SnPacket.WillTopic;
import org.sngw.sn.codec.SnPacket.WillTopicUpd;
import org.sngw.transport.WirelessNodeId;

class SnEncoderTest {

  @Test
  void encode_packetOf255Bytes_usesOneByteLength() {
    Publish publish = publish(248); // 2 + 5 + 248

    ByteBuffer encoded = SnEncoder.encode(publish);

    assertThat(encoded.remaining()).isEqualTo(255);
    assertThat(encoded.get(0) & 0xFF).isEqualTo(255);
    assertThat(encoded.get(1)).isEqualTo((byte) 0x0C);
  }

  @Test
  void encode_packetOver255Bytes_usesThreeByteLength() {
    Publish publish = publish(249); // 4 + 5 + 249

    ByteBuffer encoded = SnEncoder.encode(publish);

    assertThat(toArray(encoded)).startsWith(0x01, 0x01, 0x02, 0x0C);
    assertThat(encoded.remaining()).isEqualTo(258);
  }

  @Test
  void encode_packetOf65535Bytes_fits() {
    assertThat(SnEncoder.encodedLength(publish(65535 - 9))).isEqualTo(65535);
  }

  @Test
  void encode_packetOver65535Bytes_isRejected() {
    assertThatThrownBy(() -> SnEncoder.encodedLength(publish(65535 - 8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PUBLISH needs 65536 bytes");
  }

  @Test
  void encode_intoBuffer_writesAtPositionInAnyByteOrderAndAdvances() {
    ByteBuffer out = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).position(3);

    SnEncoder.encode(new SnPacket.PubAck(0x0102, 0x0304, ReturnCode.ACCEPTED), out);

    assertThat(out.position()).isEqualTo(10);
    assertThat(toArray(out.flip().position(3))).containsExactly(
        array(0x07, 0x0D, 0x01, 0x02, 0x03, 0x04, 0x00));
  }

  @Test
  void encode_intoTooSmallBuffer_throwsAndWritesNothing() {
    ByteBuffer out = ByteBuffer.allocate(6);

    assertThatThrownBy(() -> SnEncoder.encode(new SnPacket.RegAck(1, 2, ReturnCode.ACCEPTED), out))
        .isInstanceOf(BufferOverflowException.class);
    assertThat(out.position()).isZero();
  }

  @Test
  void encode_toNewBuffer_isExactSizeAndReadyToRead() {
    ByteBuffer encoded = SnEncoder.encode(new PingResp());

    assertThat(encoded.position()).isZero();
    assertThat(encoded.capacity()).isEqualTo(2);
    assertThat(toArray(encoded)).containsExactly(0x02, 0x17);
  }

  @Test
  void encode_willTopicWithEmptyTopic_usesTwoByteForm() {
    assertThat(toArray(SnEncoder.encode(new WillTopic(SnQos.AT_LEAST_ONCE, true, ""))))
        .containsExactly(0x02, 0x07);
    assertThat(toArray(SnEncoder.encode(WillTopicUpd.empty()))).containsExactly(0x02, 0x1A);
  }

  @Test
  void encode_encapsulated_writesHeaderThenInnerPacket() {
    Encapsulated packet =
        new Encapsulated(2, WirelessNodeId.of(array(0xAB, 0xCD, 0xEF)), new PingResp());

    assertThat(toArray(SnEncoder.encode(packet)))
        .containsExactly(array(0x06, 0xFE, 0x02, 0xAB, 0xCD, 0xEF, 0x02, 0x17));
  }

  @Test
  void encode_encapsulatedWithNodeIdOver252Bytes_isRejected() {
    Encapsulated packet = new Encapsulated(0, WirelessNodeId.of(new byte[253]), new PingResp());

    assertThatThrownBy(() -> SnEncoder.encode(packet))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wireless node id");
  }

  @Test
  void encode_topicNameWithUnpairedSurrogate_isRejected() {
    Register register = new Register(1, 2, "a\uD800b");

    assertThatThrownBy(() -> SnEncoder.encode(register))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate at index 1");
  }

  @Test
  void encode_shortTopic_writesTwoCharactersAsTopicId() {
    Publish publish = new Publish(
        false, SnQos.FIRE_AND_FORGET, false, new SnTopic.Short("t1"), 0, array('x'));

    assertThat(toArray(SnEncoder.encode(publish)))
        .containsExactly(array(0x08, 0x0C, 0x62, 't', '1', 0x00, 0x00, 'x'));
  }

  private static Publish publish(int dataBytes) {
    return new Publish(
        false, SnQos.AT_MOST_ONCE, false, new SnTopic.Registered(1), 0, new byte[dataBytes]);
  }
}
