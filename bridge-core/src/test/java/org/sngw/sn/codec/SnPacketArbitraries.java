package org.sngw.sn.codec;

import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
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

/**
 * Valid packets of every type, sized so that both Length forms come up. Only values that survive
 * a round trip exactly: an empty will topic is {@code empty()}, a PINGREQ client id is non-empty.
 */
final class SnPacketArbitraries {
  private SnPacketArbitraries() {}

  // The type is drawn first and without edge cases (they would favour the enum's first and
  // last constants), so every type comes up about equally often; the fields keep theirs.
  static Arbitrary<SnPacket> packets() {
    return Arbitraries.of(SnMessageType.class).withoutEdgeCases().flatMap(t -> widen(of(t)));
  }

  /** Anything an encapsulation can carry. */
  static Arbitrary<SnPacket> unencapsulated() {
    return Arbitraries.of(EnumSet.complementOf(EnumSet.of(SnMessageType.ENCAPSULATED)))
        .withoutEdgeCases()
        .flatMap(t -> widen(of(t)));
  }

  // Exhaustive over the enum, so a new message type won't compile without a generator.
  static Arbitrary<? extends SnPacket> of(SnMessageType type) {
    return switch (type) {
      case ADVERTISE -> Combinators.combine(u8(), u16()).as(Advertise::new);
      case SEARCHGW -> u8().map(SearchGw::new);
      case GWINFO -> Combinators.combine(u8(), bytes(0, 24)).as(GwInfo::new);
      case CONNECT -> Combinators.combine(bools(), bools(), u16(), strings(0, 40))
          .as(Connect::new);
      case CONNACK -> returnCodes().map(ConnAck::new);
      case WILLTOPICREQ -> Arbitraries.just(new WillTopicReq());
      case WILLTOPIC -> Arbitraries.oneOf(
          Arbitraries.just(WillTopic.empty()),
          Combinators.combine(qos(), bools(), strings(1, 300)).as(WillTopic::new));
      case WILLMSGREQ -> Arbitraries.just(new WillMsgReq());
      case WILLMSG -> bytes(0, 400).map(WillMsg::new);
      case REGISTER -> Combinators.combine(u16(), u16(), strings(0, 300)).as(Register::new);
      case REGACK -> Combinators.combine(u16(), u16(), returnCodes()).as(RegAck::new);
      case PUBLISH -> Combinators.combine(
              bools(), qos(), bools(), publishTopics(), u16(), bytes(0, 400))
          .as(Publish::new);
      case PUBACK -> Combinators.combine(u16(), u16(), returnCodes()).as(PubAck::new);
      case PUBCOMP -> u16().map(PubComp::new);
      case PUBREC -> u16().map(PubRec::new);
      case PUBREL -> u16().map(PubRel::new);
      case SUBSCRIBE -> Combinators.combine(bools(), qos(), u16(), subscriptionTopics())
          .as(Subscribe::new);
      case SUBACK -> Combinators.combine(qos(), u16(), u16(), returnCodes()).as(SubAck::new);
      case UNSUBSCRIBE -> Combinators.combine(u16(), subscriptionTopics()).as(Unsubscribe::new);
      case UNSUBACK -> u16().map(UnsubAck::new);
      case PINGREQ -> Arbitraries.oneOf(
          Arbitraries.just(PingReq.plain()),
          strings(1, 40).map(id -> new PingReq(Optional.of(id))));
      case PINGRESP -> Arbitraries.just(new PingResp());
      case DISCONNECT -> Arbitraries.oneOf(
          Arbitraries.just(Disconnect.plain()),
          u16().map(s -> new Disconnect(OptionalInt.of(s))));
      case WILLTOPICUPD -> Arbitraries.oneOf(
          Arbitraries.just(WillTopicUpd.empty()),
          Combinators.combine(qos(), bools(), strings(1, 300)).as(WillTopicUpd::new));
      case WILLTOPICRESP -> returnCodes().map(WillTopicResp::new);
      case WILLMSGUPD -> bytes(0, 400).map(WillMsgUpd::new);
      case WILLMSGRESP -> returnCodes().map(WillMsgResp::new);
      case ENCAPSULATED -> Combinators.combine(
              Arbitraries.integers().between(0, 3), nodeIds(), unencapsulated())
          .as(Encapsulated::new);
    };
  }

  static Arbitrary<SnTopic> publishTopics() {
    return Arbitraries.oneOf(
        u16().map(SnTopic.Registered::new),
        u16().map(SnTopic.Predefined::new),
        u16().map(SnTopic.Short::fromId));
  }

  static Arbitrary<SnTopic> subscriptionTopics() {
    return Arbitraries.oneOf(
        strings(0, 300).map(SnTopic.Named::new),
        u16().map(SnTopic.Predefined::new),
        u16().map(SnTopic.Short::fromId));
  }

  /**
   * Printable ASCII most of the time, else any code point: 1- to 4-byte UTF-8 and NUL. Lengths
   * are uniform so that long strings, and the 3-byte Length form, are common.
   */
  static Arbitrary<String> strings(int minChars, int maxChars) {
    Arbitrary<String> ascii = Arbitraries.strings()
        .withCharRange(' ', '~')
        .ofMinLength(minChars)
        .ofMaxLength(maxChars)
        .withLengthDistribution(RandomDistribution.uniform());
    Arbitrary<String> unicode = Arbitraries.integers()
        .between(0, Character.MAX_CODE_POINT)
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
        .list()
        .ofMinSize(minChars)
        .ofMaxSize(maxChars / 2)
        .withSizeDistribution(RandomDistribution.uniform())
        .map(cps -> cps.stream()
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString());
    return Arbitraries.frequencyOf(Tuple.of(3, ascii), Tuple.of(1, unicode));
  }

  static Arbitrary<byte[]> bytes(int min, int max) {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofMinSize(min)
        .ofMaxSize(max)
        .withSizeDistribution(RandomDistribution.uniform());
  }

  private static Arbitrary<SnPacket> widen(Arbitrary<? extends SnPacket> packets) {
    return packets.map(p -> p);
  }

  private static Arbitrary<WirelessNodeId> nodeIds() {
    return Arbitraries.oneOf(bytes(1, 8), bytes(1, 252)).map(WirelessNodeId::of);
  }

  private static Arbitrary<Integer> u8() {
    return Arbitraries.integers().between(0, 0xFF);
  }

  private static Arbitrary<Integer> u16() {
    return Arbitraries.integers().between(0, 0xFFFF);
  }

  private static Arbitrary<Boolean> bools() {
    return Arbitraries.of(true, false);
  }

  private static Arbitrary<SnQos> qos() {
    return Arbitraries.of(SnQos.class);
  }

  private static Arbitrary<ReturnCode> returnCodes() {
    return Arbitraries.of(ReturnCode.class);
  }
}
