package org.sngw.sn.codec;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.sngw.transport.WirelessNodeId;

/**
 * Every MQTT-SN v1.2 packet, as immutable values. Flags bytes are spread into named fields.
 * Constructors check ranges, so a packet that exists can always be encoded. Byte arrays are never
 * mutated once handed to a packet.
 */
public sealed interface SnPacket extends SnDecodeResult {
  SnMessageType type();

  static int requireUnsigned16(String field, int value) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException(field + " must fit in 16 bits: " + value);
    }
    return value;
  }

  static int requireUnsigned8(String field, int value) {
    if (value < 0 || value > 0xFF) {
      throw new IllegalArgumentException(field + " must fit in 8 bits: " + value);
    }
    return value;
  }

  /** Message id 0 is reserved in MQTT-SN v1.2 for packets that carry none (QoS 0, -1). */
  static int requireMsgId(int msgId) {
    return requireUnsigned16("msg id", msgId);
  }

  // ---- discovery

  record Advertise(int gatewayId, int durationSeconds) implements SnPacket {
    public Advertise {
      requireUnsigned8("gateway id", gatewayId);
      requireUnsigned16("duration", durationSeconds);
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.ADVERTISE;
    }
  }

  record SearchGw(int radius) implements SnPacket {
    public SearchGw {
      requireUnsigned8("radius", radius);
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.SEARCHGW;
    }
  }

  /** GWINFO; the gateway address is present only when a client answers on a gateway's behalf. */
  record GwInfo(int gatewayId, byte[] gatewayAddress) implements SnPacket {
    public GwInfo {
      requireUnsigned8("gateway id", gatewayId);
      Objects.requireNonNull(gatewayAddress, "gatewayAddress");
    }

    public static GwInfo fromGateway(int gatewayId) {
      return new GwInfo(gatewayId, new byte[0]);
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.GWINFO;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof GwInfo g
          && g.gatewayId == gatewayId
          && Arrays.equals(g.gatewayAddress, gatewayAddress);
    }

    @Override
    public int hashCode() {
      return 31 * gatewayId + Arrays.hashCode(gatewayAddress);
    }

    @Override
    public String toString() {
      return "GwInfo[gatewayId=" + gatewayId + ", gatewayAddress=" + hex(gatewayAddress) + "]";
    }
  }

  // ---- connection

  /** CONNECT; protocol id is always 0x01 and checked by the decoder. */
  record Connect(boolean will, boolean cleanSession, int keepAliveSeconds, String clientId)
      implements SnPacket {
    public Connect {
      requireUnsigned16("duration", keepAliveSeconds);
      Objects.requireNonNull(clientId, "clientId");
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.CONNECT;
    }
  }

  record ConnAck(ReturnCode returnCode) implements SnPacket {
    public ConnAck {
      Objects.requireNonNull(returnCode, "returnCode");
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.CONNACK;
    }
  }

  record WillTopicReq() implements SnPacket {
    @Override
    public SnMessageType type() {
      return SnMessageType.WILLTOPICREQ;
    }
  }

  /** WILLTOPIC; {@link #empty()} (no flags, no topic) means "no will". */
  record WillTopic(SnQos qos, boolean retain, String topic) implements SnPacket {
    public WillTopic {
      Objects.requireNonNull(qos, "qos");
      Objects.requireNonNull(topic, "topic");
    }

    public static WillTopic empty() {
      return new WillTopic(SnQos.AT_MOST_ONCE, false, "");
    }

    public boolean isEmpty() {
      return topic.isEmpty();
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.WILLTOPIC;
    }
  }

  record WillMsgReq() implements SnPacket {
    @Override
    public SnMessageType type() {
      return SnMessageType.WILLMSGREQ;
    }
  }

  record WillMsg(byte[] message) implements SnPacket {
    public WillMsg {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.WILLMSG;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof WillMsg w && Arrays.equals(w.message, message);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(message);
    }

    @Override
    public String toString() {
      return "WillMsg[message=" + hex(message) + "]";
    }
  }

  /** PINGREQ; a client id is present when a sleeping client wakes up to fetch its messages. */
  record PingReq(Optional<String> clientId) implements SnPacket {
    public PingReq {
      Objects.requireNonNull(clientId, "clientId");
    }

    public static PingReq plain() {
      return new PingReq(Optional.empty());
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.PINGREQ;
    }
  }

  record PingResp() implements SnPacket {
    @Override
    public SnMessageType type() {
      return SnMessageType.PINGRESP;
    }
  }

  /** DISCONNECT; a duration means the client goes to sleep for that many seconds. */
  record Disconnect(OptionalInt sleepSeconds) implements SnPacket {
    public Disconnect {
      Objects.requireNonNull(sleepSeconds, "sleepSeconds");
      sleepSeconds.ifPresent(s -> requireUnsigned16("duration", s));
    }

    public static Disconnect plain() {
      return new Disconnect(OptionalInt.empty());
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.DISCONNECT;
    }
  }

  // ---- topic registration

  record Register(int topicId, int msgId, String topicName) implements SnPacket {
    public Register {
      requireUnsigned16("topic id", topicId);
      requireMsgId(msgId);
      Objects.requireNonNull(topicName, "topicName");
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.REGISTER;
    }
  }

  record RegAck(int topicId, int msgId, ReturnCode returnCode) implements SnPacket {
    public RegAck {
      requireUnsigned16("topic id", topicId);
      requireMsgId(msgId);
      Objects.requireNonNull(returnCode, "returnCode");
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.REGACK;
    }
  }

  // ---- publish

  /** PUBLISH; the topic is {@link SnTopic.Registered}, {@link SnTopic.Predefined} or {@link SnTopic.Short}. */
  record Publish(boolean dup, SnQos qos, boolean retain, SnTopic topic, int msgId, byte[] data)
      implements SnPacket {
    public Publish {
      Objects.requireNonNull(qos, "qos");
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(data, "data");
      if (topic instanceof SnTopic.Named) {
        throw new IllegalArgumentException("PUBLISH carries a topic id, not a topic name");
      }
      requireMsgId(msgId);
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.PUBLISH;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Publish p
          && p.dup == dup
          && p.qos == qos
          && p.retain == retain
          && p.topic.equals(topic)
          && p.msgId == msgId
          && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
      return Objects.hash(dup, qos, retain, topic, msgId) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "Publish[dup=" + dup + ", qos=" + qos + ", retain=" + retain + ", topic=" + topic
          + ", msgId=" + msgId + ", data=" + hex(data) + "]";
    }
  }

  /** PUBACK; the topic id echoes the PUBLISH's raw topic id field. */
  record PubAck(int topicId, int msgId, ReturnCode returnCode) implements SnPacket {
    public PubAck {
      requireUnsigned16("topic id", topicId);
      requireMsgId(msgId);
      Objects.requireNonNull(returnCode, "returnCode");
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.PUBACK;
    }
  }

  record PubRec(int msgId) implements SnPacket {
    public PubRec {
      requireMsgId(msgId);
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.PUBREC;
    }
  }

  record PubRel(int msgId) implements SnPacket {
    public PubRel {
      requireMsgId(msgId);
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.PUBREL;
    }
  }

  record PubComp(int msgId) implements SnPacket {
    public PubComp {
      requireMsgId(msgId);
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.PUBCOMP;
    }
  }

  // ---- subscriptions

  /** SUBSCRIBE; the topic is {@link SnTopic.Named}, {@link SnTopic.Predefined} or {@link SnTopic.Short}. */
  record Subscribe(boolean dup, SnQos qos, int msgId, SnTopic topic) implements SnPacket {
    public Subscribe {
      Objects.requireNonNull(qos, "qos");
      requireMsgId(msgId);
      requireSubscriptionTopic(topic);
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.SUBSCRIBE;
    }
  }

  record SubAck(SnQos qos, int topicId, int msgId, ReturnCode returnCode) implements SnPacket {
    public SubAck {
      Objects.requireNonNull(qos, "qos");
      requireUnsigned16("topic id", topicId);
      requireMsgId(msgId);
      Objects.requireNonNull(returnCode, "returnCode");
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.SUBACK;
    }
  }

  record Unsubscribe(int msgId, SnTopic topic) implements SnPacket {
    public Unsubscribe {
      requireMsgId(msgId);
      requireSubscriptionTopic(topic);
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.UNSUBSCRIBE;
    }
  }

  record UnsubAck(int msgId) implements SnPacket {
    public UnsubAck {
      requireMsgId(msgId);
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.UNSUBACK;
    }
  }

  private static void requireSubscriptionTopic(SnTopic topic) {
    Objects.requireNonNull(topic, "topic");
    if (topic instanceof SnTopic.Registered) {
      throw new IllegalArgumentException("SUBSCRIBE names a topic, a predefined id or a short name");
    }
  }

  // ---- will updates

  /** WILLTOPICUPD; {@link #empty()} removes the will. */
  record WillTopicUpd(SnQos qos, boolean retain, String topic) implements SnPacket {
    public WillTopicUpd {
      Objects.requireNonNull(qos, "qos");
      Objects.requireNonNull(topic, "topic");
    }

    public static WillTopicUpd empty() {
      return new WillTopicUpd(SnQos.AT_MOST_ONCE, false, "");
    }

    public boolean isEmpty() {
      return topic.isEmpty();
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.WILLTOPICUPD;
    }
  }

  record WillTopicResp(ReturnCode returnCode) implements SnPacket {
    public WillTopicResp {
      Objects.requireNonNull(returnCode, "returnCode");
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.WILLTOPICRESP;
    }
  }

  record WillMsgUpd(byte[] message) implements SnPacket {
    public WillMsgUpd {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.WILLMSGUPD;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof WillMsgUpd w && Arrays.equals(w.message, message);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(message);
    }

    @Override
    public String toString() {
      return "WillMsgUpd[message=" + hex(message) + "]";
    }
  }

  record WillMsgResp(ReturnCode returnCode) implements SnPacket {
    public WillMsgResp {
      Objects.requireNonNull(returnCode, "returnCode");
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.WILLMSGRESP;
    }
  }

  // ---- forwarder encapsulation

  /**
   * A packet relayed by a forwarder, tagged with the wireless node it came from or goes to.
   *
   * @param radius broadcast radius from the Ctrl byte (bits 1-0)
   */
  record Encapsulated(int radius, WirelessNodeId node, SnPacket inner) implements SnPacket {
    public Encapsulated {
      if (radius < 0 || radius > 3) {
        throw new IllegalArgumentException("radius is two bits: " + radius);
      }
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(inner, "inner");
      if (inner instanceof Encapsulated) {
        throw new IllegalArgumentException("encapsulated frames do not nest");
      }
    }

    @Override
    public SnMessageType type() {
      return SnMessageType.ENCAPSULATED;
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
