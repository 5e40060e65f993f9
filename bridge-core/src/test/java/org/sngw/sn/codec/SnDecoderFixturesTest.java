package org.sngw.sn.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.sn.codec.SnFrames.array;
import static org.sngw.sn.codec.SnFrames.concat;
import static org.sngw.sn.codec.SnFrames.frame;

import java.nio.ByteBuffer;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnPacket.Disconnect;
import org.sngw.sn.codec.SnPacket.Encapsulated;
import org.sngw.sn.codec.SnPacket.GwInfo;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.Subscribe;
import org.sngw.sn.codec.SnPacket.WillTopic;
import org.sngw.transport.WirelessNodeId;

/** Frames written out by hand from the MQTT-SN v1.2 spec, field by field. */
class SnDecoderFixturesTest {

  @Test
  void decode_connect_readsFlagsDurationAndClientId() {
    ByteBuffer frame = frame(
        0x0D, //                            Length 13
        0x04, //                            MsgType CONNECT
        0x04, //                            Flags: CleanSession
        0x01, //                            ProtocolId
        0x00, 0x3C, //                      Duration 60 s
        's', 'e', 'n', 's', 'o', 'r', '1'); // ClientId

    assertThat(SnDecoder.decode(frame)).isEqualTo(new Connect(false, true, 60, "sensor1"));
  }

  @Test
  void decode_qosMinusOnePublishWithShortTopic_readsTopicFromIdField() {
    ByteBuffer frame = frame(
        0x0B, //                Length 11
        0x0C, //                MsgType PUBLISH
        0x62, //                Flags: QoS -1 (0b11 << 5), TopicIdType short (0b10)
        't', '1', //            TopicId: short topic name "t1"
        0x00, 0x00, //          MsgId 0
        '2', '1', '.', '5'); // Data

    assertThat(SnDecoder.decode(frame)).isEqualTo(new Publish(
        false, SnQos.FIRE_AND_FORGET, false, new SnTopic.Short("t1"), 0, array('2', '1', '.', '5')));
  }

  @Test
  void decode_encapsulatedPublish_readsNodeIdRadiusAndInnerPacket() {
    ByteBuffer frame = frame(
        0x05, //          Length 5: the encapsulation header only
        0xFE, //          MsgType ENCAPSULATED
        0x01, //          Ctrl: radius 1
        0xAB, 0xCD, //    WirelessNodeId
        0x09, //          inner Length 9
        0x0C, //          inner MsgType PUBLISH
        0x20, //          Flags: QoS 1, TopicIdType normal
        0x00, 0x05, //    TopicId 5
        0x12, 0x34, //    MsgId 0x1234
        0x01, 0x02); //   Data

    Publish inner = new Publish(
        false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(5), 0x1234, array(1, 2));
    assertThat(SnDecoder.decode(frame)).isEqualTo(
        new Encapsulated(1, WirelessNodeId.of(array(0xAB, 0xCD)), inner));
  }

  @Test
  void decode_subscribeWithTopicName_readsWildcardFilter() {
    ByteBuffer frame = frame(
        0x13, //          Length 19
        0x12, //          MsgType SUBSCRIBE
        0xA0, //          Flags: DUP, QoS 1, TopicIdType normal (a name)
        0x00, 0x07, //    MsgId 7
        's', 'e', 'n', 's', 'o', 'r', 's', '/', '+', '/', 't', 'e', 'm', 'p');

    assertThat(SnDecoder.decode(frame)).isEqualTo(
        new Subscribe(true, SnQos.AT_LEAST_ONCE, 7, new SnTopic.Named("sensors/+/temp")));
  }

  @Test
  void decode_publishWithThreeByteLength_readsWholePayload() {
    byte[] header = array(
        0x01, 0x01, 0x35, // Length: 3-byte form, 309
        0x0C, //             MsgType PUBLISH
        0x11, //             Flags: QoS 0, retain, TopicIdType predefined
        0x00, 0x2A, //       TopicId 42
        0x00, 0x01); //      MsgId 1
    byte[] data = new byte[300];

    assertThat(SnDecoder.decode(ByteBuffer.wrap(concat(header, data)))).isEqualTo(
        new Publish(false, SnQos.AT_MOST_ONCE, true, new SnTopic.Predefined(42), 1, data));
  }

  @Test
  void decode_disconnectWithDuration_isSleepRequest() {
    ByteBuffer frame = frame(
        0x04, //          Length 4
        0x18, //          MsgType DISCONNECT
        0x0E, 0x10); //   Duration 3600 s

    assertThat(SnDecoder.decode(frame)).isEqualTo(new Disconnect(OptionalInt.of(3600)));
  }

  @Test
  void decode_willTopicWithFlagsButNoTopic_isEmptyWill() {
    ByteBuffer frame = frame(
        0x03, //   Length 3
        0x07, //   MsgType WILLTOPIC
        0x30); //  Flags: QoS 1, retain; no topic follows

    assertThat(SnDecoder.decode(frame)).isEqualTo(WillTopic.empty());
  }

  @Test
  void decode_gwInfoFromClient_keepsGatewayAddress() {
    ByteBuffer frame = frame(
        0x07, //                          Length 7
        0x02, //                          MsgType GWINFO
        0x09, //                          GwId 9
        0x0A, 0x00, 0x00, 0x07); //       GwAdd

    assertThat(SnDecoder.decode(frame)).isEqualTo(new GwInfo(9, array(10, 0, 0, 7)));
  }

  @Test
  void decode_frameInsideLargerBuffer_leavesPositionAndLimitAlone() {
    ByteBuffer buffer = ByteBuffer.wrap(array(0xEE, 0x04, 0x0F, 0x00, 0x09, 0xEE), 1, 4);

    SnDecodeResult result = SnDecoder.decode(buffer);

    assertThat(result).isEqualTo(new SnPacket.PubRec(9));
    assertThat(buffer.position()).isEqualTo(1);
    assertThat(buffer.limit()).isEqualTo(5);
  }
}
