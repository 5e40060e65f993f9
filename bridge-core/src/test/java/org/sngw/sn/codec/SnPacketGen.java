package org.sngw.sn.codec;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.sngw.property.Draw;
import org.sngw.property.Gen;
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
final class SnPacketGen {
  private static final List<SnMessageType> UNENCAPSULATED =
      List.copyOf(EnumSet.complementOf(EnumSet.of(SnMessageType.ENCAPSULATED)));

  private SnPacketGen() {}

  /** Every type about equally often. */
  static SnPacket packet(Draw d) {
    return of(d.of(SnMessageType.class), d);
  }

  /** Anything an encapsulation can carry. */
  static SnPacket unencapsulated(Draw d) {
    return of(d.of(UNENCAPSULATED), d);
  }

  // Exhaustive over the enum, so a new message type won't compile without a generator.
  static SnPacket of(SnMessageType type, Draw d) {
    return switch (type) {
      case ADVERTISE -> new Advertise(u8(d), u16(d));
      case SEARCHGW -> new SearchGw(u8(d));
      case GWINFO -> new GwInfo(u8(d), d.bytes(0, 24));
      case CONNECT -> new Connect(d.bool(), d.bool(), u16(d), string(d, 0, 40));
      case CONNACK -> new ConnAck(d.of(ReturnCode.class));
      case WILLTOPICREQ -> new WillTopicReq();
      case WILLTOPIC -> d.bool()
          ? WillTopic.empty()
          : new WillTopic(d.of(SnQos.class), d.bool(), string(d, 1, 300));
      case WILLMSGREQ -> new WillMsgReq();
      case WILLMSG -> new WillMsg(d.bytes(0, 400));
      case REGISTER -> new Register(u16(d), u16(d), string(d, 0, 300));
      case REGACK -> new RegAck(u16(d), u16(d), d.of(ReturnCode.class));
      case PUBLISH -> new Publish(
          d.bool(), d.of(SnQos.class), d.bool(), publishTopic(d), u16(d), d.bytes(0, 400));
      case PUBACK -> new PubAck(u16(d), u16(d), d.of(ReturnCode.class));
      case PUBCOMP -> new PubComp(u16(d));
      case PUBREC -> new PubRec(u16(d));
      case PUBREL -> new PubRel(u16(d));
      case SUBSCRIBE -> new Subscribe(d.bool(), d.of(SnQos.class), u16(d), subscriptionTopic(d));
      case SUBACK -> new SubAck(d.of(SnQos.class), u16(d), u16(d), d.of(ReturnCode.class));
      case UNSUBSCRIBE -> new Unsubscribe(u16(d), subscriptionTopic(d));
      case UNSUBACK -> new UnsubAck(u16(d));
      case PINGREQ -> d.bool() ? PingReq.plain() : new PingReq(Optional.of(string(d, 1, 40)));
      case PINGRESP -> new PingResp();
      case DISCONNECT -> d.bool() ? Disconnect.plain() : new Disconnect(OptionalInt.of(u16(d)));
      case WILLTOPICUPD -> d.bool()
          ? WillTopicUpd.empty()
          : new WillTopicUpd(d.of(SnQos.class), d.bool(), string(d, 1, 300));
      case WILLTOPICRESP -> new WillTopicResp(d.of(ReturnCode.class));
      case WILLMSGUPD -> new WillMsgUpd(d.bytes(0, 400));
      case WILLMSGRESP -> new WillMsgResp(d.of(ReturnCode.class));
      case ENCAPSULATED -> new Encapsulated(d.between(0, 3), nodeId(d), unencapsulated(d));
    };
  }

  static SnTopic publishTopic(Draw d) {
    return switch (d.between(0, 2)) {
      case 0 -> new SnTopic.Registered(u16(d));
      case 1 -> new SnTopic.Predefined(u16(d));
      default -> SnTopic.Short.fromId(u16(d));
    };
  }

  static SnTopic subscriptionTopic(Draw d) {
    return switch (d.between(0, 2)) {
      case 0 -> new SnTopic.Named(string(d, 0, 300));
      case 1 -> new SnTopic.Predefined(u16(d));
      default -> SnTopic.Short.fromId(u16(d));
    };
  }

  /**
   * Printable ASCII three times in four, else any code point: 1- to 4-byte UTF-8 and NUL. Lengths
   * are uniform so that long strings, and the 3-byte Length form, are common.
   */
  static String string(Draw d, int minChars, int maxChars) {
    StringBuilder out = new StringBuilder();
    if (d.weighted(3, 1) == 0) {
      int length = d.between(minChars, maxChars);
      for (int i = 0; i < length; i++) {
        out.append((char) d.between(' ', '~'));
      }
    } else {
      int length = d.between(minChars, Math.max(minChars, maxChars / 2));
      for (int i = 0; i < length; i++) {
        out.appendCodePoint(d.codePoint());
      }
    }
    return out.toString();
  }

  /** Gen form of {@link #string}, for callers that compose generators. */
  static Gen<String> strings(int minChars, int maxChars) {
    return d -> string(d, minChars, maxChars);
  }

  private static WirelessNodeId nodeId(Draw d) {
    return WirelessNodeId.of(d.bool() ? d.bytes(1, 8) : d.bytes(1, 252));
  }

  private static int u8(Draw d) {
    return d.between(0, 0xFF);
  }

  private static int u16(Draw d) {
    return d.between(0, 0xFFFF);
  }
}
