package org.sngw.sn.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sngw.sn.codec.SnPacket.Advertise;
import org.sngw.sn.codec.SnPacket.ConnAck;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnPacket.Disconnect;
import org.sngw.sn.codec.SnPacket.Encapsulated;
import org.sngw.sn.codec.SnPacket.GwInfo;
import org.sngw.sn.codec.SnPacket.PingReq;
import org.sngw.sn.codec.SnPacket.PingResp;
import org.sngw.sn.codec.SnPacket.PubAck;
import org.sngw.sn.codec.SnPacket.PubComp;
import org.sngw.sn.codec.SnPacket.PubRec;
import org.sngw.sn.codec.SnPacket.PubRel;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.RegAck;
import org.sngw.sn.codec.SnPacket.Register;
import org.sngw.sn.codec.SnPacket.SearchGw;
import org.sngw.sn.codec.SnPacket.SubAck;
import org.sngw.sn.codec.SnPacket.Subscribe;
import org.sngw.sn.codec.SnPacket.UnsubAck;
import org.sngw.sn.codec.SnPacket.Unsubscribe;
import org.sngw.sn.codec.SnPacket.WillMsg;
import org.sngw.sn.codec.SnPacket.WillMsgReq;
import org.sngw.sn.codec.SnPacket.WillMsgResp;
import org.sngw.sn.codec.SnPacket.WillMsgUpd;
import org.sngw.sn.codec.SnPacket.WillTopic;
import org.sngw.sn.codec.SnPacket.WillTopicReq;
import org.sngw.sn.codec.SnPacket.WillTopicResp;
import org.sngw.sn.codec.SnPacket.WillTopicUpd;
import org.sngw.transport.WirelessNodeId;

class SnCodecRoundTripTest {
  private static final String LONG_TOPIC = "sensors/".repeat(37) + "temp"; // 300 chars
  private static final byte[] LONG_DATA = filled(300);

  static List<SnPacket> examples() {
    return List.of(
        new Advertise(7, 900),
        new SearchGw(1),
        GwInfo.fromGateway(3),
        new GwInfo(3, new byte[] {(byte) 192, (byte) 168, 1, 20}),
        new Connect(true, true, 60, "sensor-1"),
        new Connect(false, false, 0xFFFF, ""),
        new ConnAck(ReturnCode.REJECTED_CONGESTION),
        new WillTopicReq(),
        WillTopic.empty(),
        new WillTopic(SnQos.EXACTLY_ONCE, true, "sensors/1/status"),
        new WillTopic(SnQos.AT_LEAST_ONCE, false, LONG_TOPIC),
        new WillMsgReq(),
        new WillMsg(new byte[] {'g', 'o', 'n', 'e'}),
        new WillMsg(LONG_DATA),
        new Register(0x0102, 0x0304, "home/kitchen/température"),
        new Register(1, 2, LONG_TOPIC),
        new RegAck(0x0102, 0x0304, ReturnCode.ACCEPTED),
        new Publish(true, SnQos.EXACTLY_ONCE, true, new SnTopic.Registered(0xBEEF), 9, filled(4)),
        new Publish(false, SnQos.FIRE_AND_FORGET, false, new SnTopic.Predefined(1), 0, filled(0)),
        new Publish(false, SnQos.AT_MOST_ONCE, false, SnTopic.Short.fromId(0x7431), 0, LONG_DATA),
        new PubAck(0xBEEF, 9, ReturnCode.REJECTED_INVALID_TOPIC_ID),
        new PubComp(0xFFFF),
        new PubRec(1),
        new PubRel(2),
        new Subscribe(true, SnQos.AT_LEAST_ONCE, 5, new SnTopic.Named("sensors/+/temp")),
        new Subscribe(false, SnQos.AT_MOST_ONCE, 5, new SnTopic.Named(LONG_TOPIC)),
        new Subscribe(false, SnQos.EXACTLY_ONCE, 6, new SnTopic.Predefined(42)),
        new Subscribe(false, SnQos.FIRE_AND_FORGET, 7, new SnTopic.Short("t1")),
        new SubAck(SnQos.EXACTLY_ONCE, 0x0102, 6, ReturnCode.REJECTED_NOT_SUPPORTED),
        new Unsubscribe(8, new SnTopic.Named("a/#")),
        new Unsubscribe(8, new SnTopic.Named(LONG_TOPIC)),
        new Unsubscribe(9, new SnTopic.Predefined(42)),
        new Unsubscribe(10, new SnTopic.Short("zz")),
        new UnsubAck(8),
        PingReq.plain(),
        new PingReq(Optional.of("sensor-1")),
        new PingResp(),
        Disconnect.plain(),
        new Disconnect(OptionalInt.of(3600)),
        WillTopicUpd.empty(),
        new WillTopicUpd(SnQos.AT_LEAST_ONCE, true, "sensors/1/status"),
        new WillTopicUpd(SnQos.AT_MOST_ONCE, false, LONG_TOPIC),
        new WillTopicResp(ReturnCode.ACCEPTED),
        new WillMsgUpd(new byte[] {1}),
        new WillMsgUpd(LONG_DATA),
        new WillMsgResp(ReturnCode.REJECTED_CONGESTION),
        new Encapsulated(1, WirelessNodeId.of(new byte[] {(byte) 0xAB, (byte) 0xCD}),
            new Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(5), 1, filled(2))),
        new Encapsulated(3, WirelessNodeId.of(filled(8)), new Register(1, 2, LONG_TOPIC)));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void decode_encodedPacket_equalsOriginal(SnPacket packet) {
    ByteBuffer encoded = SnEncoder.encode(packet);

    assertThat(encoded.remaining()).isEqualTo(SnEncoder.encodedLength(packet));
    assertThat(SnDecoder.decode(encoded)).isEqualTo(packet);
  }

  @Test
  void examples_coverEveryMessageType() {
    assertThat(examples().stream().map(SnPacket::type).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(SnMessageType.values());
  }

  @Test
  void encode_variableLengthExamples_useBothLengthForms() {
    List<SnMessageType> variable = List.of(
        SnMessageType.WILLTOPIC, SnMessageType.WILLMSG, SnMessageType.REGISTER,
        SnMessageType.PUBLISH, SnMessageType.SUBSCRIBE, SnMessageType.UNSUBSCRIBE,
        SnMessageType.WILLTOPICUPD, SnMessageType.WILLMSGUPD);
    for (SnMessageType type : variable) {
      List<Integer> lengthFieldSizes = examples().stream()
          .filter(p -> p.type() == type)
          .map(p -> SnEncoder.encode(p).get(0) == 0x01 ? 3 : 1)
          .distinct()
          .toList();
      assertThat(lengthFieldSizes).as(type + " length forms").containsExactlyInAnyOrder(1, 3);
    }
  }

  private static byte[] filled(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 7);
    }
    return bytes;
  }
}
