package org.sngw.sn.codec;

import static org.sngw.sn.codec.SnWire.CLEAN_SESSION;
import static org.sngw.sn.codec.SnWire.DUP;
import static org.sngw.sn.codec.SnWire.PROTOCOL_ID;
import static org.sngw.sn.codec.SnWire.QOS_SHIFT;
import static org.sngw.sn.codec.SnWire.RESERVED_TOPIC_ID_TYPE;
import static org.sngw.sn.codec.SnWire.RETAIN;
import static org.sngw.sn.codec.SnWire.TOPIC_ID_TYPE;
import static org.sngw.sn.codec.SnWire.WILL;
import static org.sngw.sn.codec.SnWire.hex;
import static org.sngw.sn.codec.SnWire.u16;
import static org.sngw.sn.codec.SnWire.u8;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.sngw.sn.codec.SnMalformed.Reason;
import org.sngw.sn.codec.SnPacket.Advertise;
import org.sngw.sn.codec.SnPacket.ConnAck;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnPacket.Disconnect;
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

/**
 * The fields after Length and MsgType, once the framing is checked. Every value is range-checked
 * here before a record constructor sees it, so their IllegalArgumentException cannot escape.
 * Offsets in results count from {@code base}, the start of the outermost frame.
 */
final class SnBodyDecoder {
  private SnBodyDecoder() {}

  static SnDecodeResult decode(
      SnMessageType type, ByteBuffer b, int start, int header, int end, int base) {
    int at = start + header;
    int body = end - at;
    int length = end - start;
    int lengthAt = start - base;
    return switch (type) {
      case ADVERTISE -> body == 3
          ? new Advertise(u8(b, at), u16(b, at + 1))
          : wrongLength(type, length, header + 3, lengthAt);
      case SEARCHGW -> body == 1
          ? new SearchGw(u8(b, at))
          : wrongLength(type, length, header + 1, lengthAt);
      case GWINFO -> body >= 1
          ? new GwInfo(u8(b, at), bytes(b, at + 1, end))
          : tooShort(type, length, header + 1, lengthAt);
      case CONNECT -> body >= 4
          ? connect(b, at, end, base)
          : tooShort(type, length, header + 4, lengthAt);
      case CONNACK -> body == 1
          ? withReturnCode(b, at, base, ConnAck::new)
          : wrongLength(type, length, header + 1, lengthAt);
      case WILLTOPICREQ -> body == 0
          ? new WillTopicReq()
          : wrongLength(type, length, header, lengthAt);
      case WILLTOPIC -> willTopic(b, at, end, base, false);
      case WILLMSGREQ -> body == 0
          ? new WillMsgReq()
          : wrongLength(type, length, header, lengthAt);
      case WILLMSG -> new WillMsg(bytes(b, at, end));
      case REGISTER -> body >= 4
          ? register(b, at, end, base)
          : tooShort(type, length, header + 4, lengthAt);
      case REGACK -> body == 5
          ? regAck(b, at, base)
          : wrongLength(type, length, header + 5, lengthAt);
      case PUBLISH -> body >= 5
          ? publish(b, at, end, base)
          : tooShort(type, length, header + 5, lengthAt);
      case PUBACK -> body == 5
          ? pubAck(b, at, base)
          : wrongLength(type, length, header + 5, lengthAt);
      case PUBCOMP -> body == 2
          ? new PubComp(u16(b, at))
          : wrongLength(type, length, header + 2, lengthAt);
      case PUBREC -> body == 2
          ? new PubRec(u16(b, at))
          : wrongLength(type, length, header + 2, lengthAt);
      case PUBREL -> body == 2
          ? new PubRel(u16(b, at))
          : wrongLength(type, length, header + 2, lengthAt);
      case SUBSCRIBE -> body >= 3
          ? subscription(type, b, at, end, base)
          : tooShort(type, length, header + 3, lengthAt);
      case SUBACK -> body == 6
          ? subAck(b, at, base)
          : wrongLength(type, length, header + 6, lengthAt);
      case UNSUBSCRIBE -> body >= 3
          ? subscription(type, b, at, end, base)
          : tooShort(type, length, header + 3, lengthAt);
      case UNSUBACK -> body == 2
          ? new UnsubAck(u16(b, at))
          : wrongLength(type, length, header + 2, lengthAt);
      case PINGREQ -> pingReq(b, at, end, base);
      case PINGRESP -> body == 0
          ? new PingResp()
          : wrongLength(type, length, header, lengthAt);
      case DISCONNECT -> disconnect(b, at, body, header, lengthAt);
      case WILLTOPICUPD -> willTopic(b, at, end, base, true);
      case WILLTOPICRESP -> body == 1
          ? withReturnCode(b, at, base, WillTopicResp::new)
          : wrongLength(type, length, header + 1, lengthAt);
      case WILLMSGUPD -> new WillMsgUpd(bytes(b, at, end));
      case WILLMSGRESP -> body == 1
          ? withReturnCode(b, at, base, WillMsgResp::new)
          : wrongLength(type, length, header + 1, lengthAt);
      // The 1-byte form is unwrapped before framing; this is the 3-byte form, which can't carry it.
      case ENCAPSULATED -> new SnMalformed(Reason.BAD_ENCAPSULATION,
          "msg type ENCAPSULATED needs the 1-byte length form", at - 1 - base);
    };
  }

  // Flags(1) ProtocolId(1) Duration(2) ClientId(n)
  private static SnDecodeResult connect(ByteBuffer b, int at, int end, int base) {
    int protocolId = u8(b, at + 1);
    if (protocolId != PROTOCOL_ID) {
      return new SnMalformed(Reason.UNKNOWN_PROTOCOL_ID,
          "protocol id " + hex(protocolId) + " is not 0x01", at + 1 - base);
    }
    int bad = Utf8.firstInvalid(b, at + 4, end);
    if (bad >= 0) {
      return badUtf8("client id", bad, base);
    }
    int flags = u8(b, at);
    return new Connect(
        (flags & WILL) != 0,
        (flags & CLEAN_SESSION) != 0,
        u16(b, at + 2),
        Utf8.read(b, at + 4, end));
  }

  // Nothing, or Flags(1) alone: both mean "no will". Otherwise Flags(1) WillTopic(n).
  private static SnDecodeResult willTopic(
      ByteBuffer b, int at, int end, int base, boolean update) {
    if (end - at <= 1) {
      return update ? WillTopicUpd.empty() : WillTopic.empty();
    }
    int bad = Utf8.firstInvalid(b, at + 1, end);
    if (bad >= 0) {
      return badUtf8("will topic", bad, base);
    }
    int flags = u8(b, at);
    SnQos qos = qos(flags);
    boolean retain = (flags & RETAIN) != 0;
    String topic = Utf8.read(b, at + 1, end);
    return update ? new WillTopicUpd(qos, retain, topic) : new WillTopic(qos, retain, topic);
  }

  // TopicId(2) MsgId(2) TopicName(n)
  private static SnDecodeResult register(ByteBuffer b, int at, int end, int base) {
    int bad = Utf8.firstInvalid(b, at + 4, end);
    if (bad >= 0) {
      return badUtf8("topic name", bad, base);
    }
    return new Register(u16(b, at), u16(b, at + 2), Utf8.read(b, at + 4, end));
  }

  // TopicId(2) MsgId(2) ReturnCode(1)
  private static SnDecodeResult regAck(ByteBuffer b, int at, int base) {
    ReturnCode rc = returnCode(b, at + 4);
    return rc == null ? badReturnCode(b, at + 4, base) : new RegAck(u16(b, at), u16(b, at + 2), rc);
  }

  // Flags(1) TopicId(2) MsgId(2) Data(n)
  private static SnDecodeResult publish(ByteBuffer b, int at, int end, int base) {
    int flags = u8(b, at);
    int idType = flags & TOPIC_ID_TYPE;
    if (idType == RESERVED_TOPIC_ID_TYPE) {
      return reservedTopicIdType(at, base);
    }
    int id = u16(b, at + 1);
    SnTopic topic = idType == TopicIdType.NORMAL.bits()
        ? new SnTopic.Registered(id)
        : idType == TopicIdType.PREDEFINED.bits()
            ? new SnTopic.Predefined(id)
            : SnTopic.Short.fromId(id);
    return new Publish(
        (flags & DUP) != 0,
        qos(flags),
        (flags & RETAIN) != 0,
        topic,
        u16(b, at + 3),
        bytes(b, at + 5, end));
  }

  // TopicId(2) MsgId(2) ReturnCode(1)
  private static SnDecodeResult pubAck(ByteBuffer b, int at, int base) {
    ReturnCode rc = returnCode(b, at + 4);
    return rc == null ? badReturnCode(b, at + 4, base) : new PubAck(u16(b, at), u16(b, at + 2), rc);
  }

  // SUBSCRIBE and UNSUBSCRIBE: Flags(1) MsgId(2), then a topic name, or a 2-byte id or short name.
  private static SnDecodeResult subscription(
      SnMessageType type, ByteBuffer b, int at, int end, int base) {
    int flags = u8(b, at);
    int idType = flags & TOPIC_ID_TYPE;
    int from = at + 3;
    SnTopic topic;
    if (idType == RESERVED_TOPIC_ID_TYPE) {
      return reservedTopicIdType(at, base);
    } else if (idType == TopicIdType.NORMAL.bits()) {
      int bad = Utf8.firstInvalid(b, from, end);
      if (bad >= 0) {
        return badUtf8("topic name", bad, base);
      }
      topic = new SnTopic.Named(Utf8.read(b, from, end));
    } else if (end - from != 2) {
      String field = idType == TopicIdType.PREDEFINED.bits() ? "topic id" : "short topic name";
      // A missing field has no offset of its own: blame the flags that announced it.
      int blamed = from < end ? from : at;
      return new SnMalformed(Reason.TOPIC_ID_LENGTH,
          type + " " + field + " needs 2 bytes but has " + (end - from), blamed - base);
    } else {
      int id = u16(b, from);
      topic = idType == TopicIdType.PREDEFINED.bits()
          ? new SnTopic.Predefined(id)
          : SnTopic.Short.fromId(id);
    }
    int msgId = u16(b, at + 1);
    return type == SnMessageType.UNSUBSCRIBE
        ? new Unsubscribe(msgId, topic)
        : new Subscribe((flags & DUP) != 0, qos(flags), msgId, topic);
  }

  // Flags(1) TopicId(2) MsgId(2) ReturnCode(1)
  private static SnDecodeResult subAck(ByteBuffer b, int at, int base) {
    ReturnCode rc = returnCode(b, at + 5);
    return rc == null
        ? badReturnCode(b, at + 5, base)
        : new SubAck(qos(u8(b, at)), u16(b, at + 1), u16(b, at + 3), rc);
  }

  // [ClientId(n)]
  private static SnDecodeResult pingReq(ByteBuffer b, int at, int end, int base) {
    if (at == end) {
      return PingReq.plain();
    }
    int bad = Utf8.firstInvalid(b, at, end);
    return bad >= 0
        ? badUtf8("client id", bad, base)
        : new PingReq(Optional.of(Utf8.read(b, at, end)));
  }

  // [Duration(2)]
  private static SnDecodeResult disconnect(
      ByteBuffer b, int at, int body, int header, int lengthAt) {
    if (body == 0) {
      return Disconnect.plain();
    }
    if (body == 2) {
      return new Disconnect(OptionalInt.of(u16(b, at)));
    }
    return new SnMalformed(Reason.WRONG_MESSAGE_LENGTH,
        "DISCONNECT length " + (header + body) + " but must be " + header + " or " + (header + 2),
        lengthAt);
  }

  private static SnDecodeResult withReturnCode(
      ByteBuffer b, int at, int base, Function<ReturnCode, SnPacket> packet) {
    ReturnCode rc = returnCode(b, at);
    return rc == null ? badReturnCode(b, at, base) : packet.apply(rc);
  }

  /** The return code at {@code at}, or null for a reserved one. */
  private static ReturnCode returnCode(ByteBuffer b, int at) {
    return switch (u8(b, at)) {
      case 0x00 -> ReturnCode.ACCEPTED;
      case 0x01 -> ReturnCode.REJECTED_CONGESTION;
      case 0x02 -> ReturnCode.REJECTED_INVALID_TOPIC_ID;
      case 0x03 -> ReturnCode.REJECTED_NOT_SUPPORTED;
      default -> null;
    };
  }

  private static SnQos qos(int flags) {
    return SnQos.fromBits(flags >> QOS_SHIFT);
  }

  // The one allocation sized by the wire, and only after framing matched the bytes present.
  private static byte[] bytes(ByteBuffer b, int from, int to) {
    byte[] copy = new byte[to - from];
    b.get(from, copy);
    return copy;
  }

  private static SnMalformed wrongLength(SnMessageType type, int length, int expected, int at) {
    return new SnMalformed(Reason.WRONG_MESSAGE_LENGTH, type + " length " + length + " but must be " + expected, at);
  }

  private static SnMalformed tooShort(SnMessageType type, int length, int minimum, int at) {
    return new SnMalformed(Reason.WRONG_MESSAGE_LENGTH, type + " length " + length + " but must be at least " + minimum, at);
  }

  private static SnMalformed badReturnCode(ByteBuffer b, int at, int base) {
    return new SnMalformed(Reason.RESERVED_RETURN_CODE, "return code " + u8(b, at) + " is reserved", at - base);
  }

  private static SnMalformed reservedTopicIdType(int flagsAt, int base) {
    return new SnMalformed(Reason.RESERVED_TOPIC_ID_TYPE, "topic id type 0b11 in flags is reserved", flagsAt - base);
  }

  private static SnMalformed badUtf8(String field, int at, int base) {
    return new SnMalformed(Reason.INVALID_UTF8, field + " is not valid UTF-8", at - base);
  }
}
