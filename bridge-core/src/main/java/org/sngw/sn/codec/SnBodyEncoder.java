package org.sngw.sn.codec;

import static org.sngw.sn.codec.SnWire.CLEAN_SESSION;
import static org.sngw.sn.codec.SnWire.DUP;
import static org.sngw.sn.codec.SnWire.PROTOCOL_ID;
import static org.sngw.sn.codec.SnWire.QOS_SHIFT;
import static org.sngw.sn.codec.SnWire.RETAIN;
import static org.sngw.sn.codec.SnWire.WILL;
import static org.sngw.sn.codec.SnWire.putU16;
import static org.sngw.sn.codec.SnWire.putU8;

import java.nio.ByteBuffer;
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
 * The fields after Length and MsgType. Java 17 has no pattern switch (it is a preview there), so
 * dispatch is an instanceof-pattern chain; the round-trip tests cover every type.
 */
final class SnBodyEncoder {
  private SnBodyEncoder() {}

  /** Body bytes of any packet but an Encapsulated, which the caller frames itself. */
  static long length(SnPacket p) {
    if (p instanceof WillTopicReq || p instanceof WillMsgReq || p instanceof PingResp) {
      return 0;
    }
    if (p instanceof SearchGw || p instanceof ConnAck
        || p instanceof WillTopicResp || p instanceof WillMsgResp) {
      return 1;
    }
    if (p instanceof PubComp || p instanceof PubRec || p instanceof PubRel
        || p instanceof UnsubAck) {
      return 2;
    }
    if (p instanceof Advertise) {
      return 3;
    }
    if (p instanceof RegAck || p instanceof PubAck) {
      return 5;
    }
    if (p instanceof SubAck) {
      return 6;
    }
    if (p instanceof GwInfo g) {
      return 1L + g.gatewayAddress().length;
    }
    if (p instanceof Connect c) {
      return 4 + Utf8.length(c.clientId());
    }
    if (p instanceof WillTopic w) {
      return willTopicLength(w.topic());
    }
    if (p instanceof WillTopicUpd w) {
      return willTopicLength(w.topic());
    }
    if (p instanceof WillMsg w) {
      return w.message().length;
    }
    if (p instanceof WillMsgUpd w) {
      return w.message().length;
    }
    if (p instanceof Register r) {
      return 4 + Utf8.length(r.topicName());
    }
    if (p instanceof Publish x) {
      return 5L + x.data().length;
    }
    if (p instanceof Subscribe s) {
      return 3 + topicLength(s.topic());
    }
    if (p instanceof Unsubscribe u) {
      return 3 + topicLength(u.topic());
    }
    if (p instanceof PingReq r) {
      return r.clientId().isPresent() ? Utf8.length(r.clientId().get()) : 0;
    }
    if (p instanceof Disconnect d) {
      return d.sleepSeconds().isPresent() ? 2 : 0;
    }
    throw new IllegalArgumentException(p.type() + " has no body of its own");
  }

  /** Writes the body of a packet that {@link #length} has measured. */
  static void write(SnPacket p, ByteBuffer out) {
    if (p instanceof Advertise a) {
      putU8(out, a.gatewayId());
      putU16(out, a.durationSeconds());
    } else if (p instanceof SearchGw s) {
      putU8(out, s.radius());
    } else if (p instanceof GwInfo g) {
      putU8(out, g.gatewayId());
      out.put(g.gatewayAddress());
    } else if (p instanceof Connect c) {
      putU8(out, (c.will() ? WILL : 0) | (c.cleanSession() ? CLEAN_SESSION : 0));
      putU8(out, PROTOCOL_ID);
      putU16(out, c.keepAliveSeconds());
      Utf8.write(c.clientId(), out);
    } else if (p instanceof ConnAck a) {
      putU8(out, a.returnCode().code());
    } else if (p instanceof WillTopic w) {
      writeWillTopic(w.qos(), w.retain(), w.topic(), out);
    } else if (p instanceof WillMsg w) {
      out.put(w.message());
    } else if (p instanceof Register r) {
      putU16(out, r.topicId());
      putU16(out, r.msgId());
      Utf8.write(r.topicName(), out);
    } else if (p instanceof RegAck a) {
      putU16(out, a.topicId());
      putU16(out, a.msgId());
      putU8(out, a.returnCode().code());
    } else if (p instanceof Publish x) {
      int flags = (x.dup() ? DUP : 0) | x.qos().bits() << QOS_SHIFT | (x.retain() ? RETAIN : 0);
      putU8(out, flags | x.topic().type().bits());
      writeTopic(x.topic(), out);
      putU16(out, x.msgId());
      out.put(x.data());
    } else if (p instanceof PubAck a) {
      putU16(out, a.topicId());
      putU16(out, a.msgId());
      putU8(out, a.returnCode().code());
    } else if (p instanceof PubComp c) {
      putU16(out, c.msgId());
    } else if (p instanceof PubRec r) {
      putU16(out, r.msgId());
    } else if (p instanceof PubRel r) {
      putU16(out, r.msgId());
    } else if (p instanceof Subscribe s) {
      putU8(out, (s.dup() ? DUP : 0) | s.qos().bits() << QOS_SHIFT | s.topic().type().bits());
      putU16(out, s.msgId());
      writeTopic(s.topic(), out);
    } else if (p instanceof SubAck a) {
      putU8(out, a.qos().bits() << QOS_SHIFT);
      putU16(out, a.topicId());
      putU16(out, a.msgId());
      putU8(out, a.returnCode().code());
    } else if (p instanceof Unsubscribe u) {
      putU8(out, u.topic().type().bits());
      putU16(out, u.msgId());
      writeTopic(u.topic(), out);
    } else if (p instanceof UnsubAck a) {
      putU16(out, a.msgId());
    } else if (p instanceof PingReq r) {
      if (r.clientId().isPresent()) {
        Utf8.write(r.clientId().get(), out);
      }
    } else if (p instanceof Disconnect d) {
      if (d.sleepSeconds().isPresent()) {
        putU16(out, d.sleepSeconds().getAsInt());
      }
    } else if (p instanceof WillTopicUpd w) {
      writeWillTopic(w.qos(), w.retain(), w.topic(), out);
    } else if (p instanceof WillTopicResp r) {
      putU8(out, r.returnCode().code());
    } else if (p instanceof WillMsgUpd w) {
      out.put(w.message());
    } else if (p instanceof WillMsgResp r) {
      putU8(out, r.returnCode().code());
    }
    // WILLTOPICREQ, WILLMSGREQ and PINGRESP have no body.
  }

  // An empty topic is the 2-byte "no will" form: no flags either.
  private static long willTopicLength(String topic) {
    return topic.isEmpty() ? 0 : 1 + Utf8.length(topic);
  }

  private static void writeWillTopic(SnQos qos, boolean retain, String topic, ByteBuffer out) {
    if (!topic.isEmpty()) {
      putU8(out, qos.bits() << QOS_SHIFT | (retain ? RETAIN : 0));
      Utf8.write(topic, out);
    }
  }

  private static long topicLength(SnTopic topic) {
    return topic instanceof SnTopic.Named n ? Utf8.length(n.name()) : 2;
  }

  private static void writeTopic(SnTopic topic, ByteBuffer out) {
    if (topic instanceof SnTopic.Named n) {
      Utf8.write(n.name(), out);
    } else if (topic instanceof SnTopic.Registered r) {
      putU16(out, r.id());
    } else if (topic instanceof SnTopic.Predefined d) {
      putU16(out, d.id());
    } else if (topic instanceof SnTopic.Short s) {
      putU16(out, s.asId());
    }
  }
}
