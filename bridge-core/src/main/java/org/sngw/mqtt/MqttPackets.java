package org.sngw.mqtt;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnAckVariableHeader;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubAckPayload;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.sngw.broker.Delivery;
import org.sngw.message.Message;
import org.sngw.message.MessageProperties;
import org.sngw.message.Qos;

/** Builds the packets the listener sends. The encoder computes every remaining length itself. */
final class MqttPackets {
  /** Immutable and not reference-counted, so one instance serves every connection. */
  static final MqttMessage PINGRESP = new MqttMessage(header(MqttMessageType.PINGRESP, MqttQoS.AT_MOST_ONCE));

  private static final int SUBACK_FAILURE = 0x80;
  private static final int MAX_REASON = 120;

  private MqttPackets() {}

  static MqttConnAckMessage connAck(MqttConnectReturnCode code, boolean sessionPresent) {
    return new MqttConnAckMessage(
        header(MqttMessageType.CONNACK, MqttQoS.AT_MOST_ONCE),
        new MqttConnAckVariableHeader(code, sessionPresent));
  }

  /** MQTT 5's CONNACK for an accepted client: the limits it must keep to. */
  static MqttConnAckMessage connAck5(boolean sessionPresent, ConnectionTerms terms) {
    MqttProperties properties = new MqttProperties();
    terms.assignedClientId().ifPresent(id -> properties.add(
        new MqttProperties.StringProperty(MqttProperties.ASSIGNED_CLIENT_IDENTIFIER, id)));
    properties.add(new MqttProperties.IntegerProperty(MqttProperties.MAXIMUM_PACKET_SIZE, terms.maxPacketFromClient()));
    properties.add(new MqttProperties.IntegerProperty(MqttProperties.TOPIC_ALIAS_MAXIMUM, TopicAliases.FROM_CLIENT));
    // what the backlog lets in before it stops reading: a client that keeps to it is never paused
    properties.add(new MqttProperties.IntegerProperty(MqttProperties.RECEIVE_MAXIMUM, InboundBacklog.MAX_PACKETS));
    return new MqttConnAckMessage(
        header(MqttMessageType.CONNACK, MqttQoS.AT_MOST_ONCE),
        new MqttConnAckVariableHeader(MqttConnectReturnCode.CONNECTION_ACCEPTED, sessionPresent, properties));
  }

  /** MQTT 5's PUBACK, PUBREC, PUBREL or PUBCOMP: a packet id and a reason code. */
  static MqttMessage reply5(MqttMessageType type, int packetId, byte reasonCode) {
    return new MqttMessage(replyHeader(type),
        new MqttPubReplyMessageVariableHeader(packetId, reasonCode, MqttProperties.NO_PROPERTIES));
  }

  /** MQTT 5's DISCONNECT from the server, saying why it closes the connection, in a code and in words. */
  static MqttMessage disconnect(MqttReasonCodes.Disconnect reason, String why) {
    return new MqttMessage(header(MqttMessageType.DISCONNECT, MqttQoS.AT_MOST_ONCE),
        new MqttReasonCodeAndPropertiesVariableHeader(reason.byteValue(), reasonString(why)));
  }

  /** CONNACK refusing a client; MQTT 5 is told why in words too. */
  static MqttConnAckMessage refusal(MqttConnectReturnCode code, boolean mqtt5, String why) {
    return new MqttConnAckMessage(
        header(MqttMessageType.CONNACK, MqttQoS.AT_MOST_ONCE),
        new MqttConnAckVariableHeader(code, false, mqtt5 ? reasonString(why) : MqttProperties.NO_PROPERTIES));
  }

  /**
   * MQTT 5's Reason String: for a person reading a log, not for the client to act on; cut to
   * {@link #MAX_REASON} characters, so it stays well within any packet size a client takes.
   */
  private static MqttProperties reasonString(String why) {
    MqttProperties properties = new MqttProperties();
    properties.add(new MqttProperties.StringProperty(MqttProperties.REASON_STRING,
        why.length() > MAX_REASON ? why.substring(0, MAX_REASON) : why));
    return properties;
  }

  /** PUBACK, PUBREC, PUBREL or PUBCOMP: a packet id and nothing else. */
  static MqttMessage reply(MqttMessageType type, int packetId) {
    return new MqttMessage(replyHeader(type), MqttMessageIdVariableHeader.from(packetId));
  }

  /** PUBREL is the one reply whose fixed header must carry QoS 1. */
  private static MqttFixedHeader replyHeader(MqttMessageType type) {
    return header(type, type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE);
  }

  /** MQTT 3.1.1's SUBACK: the granted QoS of each filter, or 0x80 for one refused. */
  static MqttSubAckMessage subAck(int packetId, List<Optional<Qos>> granted) {
    int[] codes = new int[granted.size()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = granted.get(i).map(Qos::value).orElse(SUBACK_FAILURE);
    }
    return subAck(packetId, codes);
  }

  /** SUBACK with a code per filter, granted QoS or MQTT 5 reason code. */
  static MqttSubAckMessage subAck(int packetId, int[] codes) {
    return new MqttSubAckMessage(
        header(MqttMessageType.SUBACK, MqttQoS.AT_MOST_ONCE),
        MqttMessageIdVariableHeader.from(packetId),
        new MqttSubAckPayload(codes));
  }

  static MqttUnsubAckMessage unsubAck(int packetId) {
    return new MqttUnsubAckMessage(
        header(MqttMessageType.UNSUBACK, MqttQoS.AT_MOST_ONCE), MqttMessageIdVariableHeader.from(packetId));
  }

  /** MQTT 5's UNSUBACK: success for each of the {@code filters} filters. */
  static MqttUnsubAckMessage unsubAck5(int packetId, int filters) {
    short[] codes = new short[filters];
    return new MqttUnsubAckMessage(
        header(MqttMessageType.UNSUBACK, MqttQoS.AT_MOST_ONCE),
        new MqttMessageIdAndPropertiesVariableHeader(packetId, MqttProperties.NO_PROPERTIES),
        new MqttUnsubAckPayload(codes));
  }

  /** Wraps the shared payload array without copying it; the broker never mutates it. */
  static MqttPublishMessage publish(Delivery delivery) {
    return publish(delivery, MqttProperties.NO_PROPERTIES);
  }

  /**
   * MQTT 5's PUBLISH: with the message's properties, its expiry interval as it stands by {@code
   * clock}, and the topic as {@code topic} says to send it (by its alias, once the client knows that).
   */
  static MqttPublishMessage publish5(Delivery delivery, InstantSource clock, TopicAliases.Outgoing topic) {
    MqttProperties properties = PublishProperties.write(delivery.message().properties(), clock);
    if (topic.alias() != 0) {
      properties = properties == MqttProperties.NO_PROPERTIES ? new MqttProperties() : properties;
      properties.add(new MqttProperties.IntegerProperty(MqttProperties.TOPIC_ALIAS, topic.alias()));
    }
    return publish(delivery, topic.topic(), properties);
  }

  private static MqttPublishMessage publish(Delivery delivery, MqttProperties properties) {
    return publish(delivery, delivery.message().topic(), properties);
  }

  private static MqttPublishMessage publish(Delivery delivery, String topic, MqttProperties properties) {
    Message message = delivery.message();
    MqttFixedHeader header = new MqttFixedHeader(
        MqttMessageType.PUBLISH, delivery.dup(), MqttQoS.valueOf(message.qos().value()), message.retain(), 0);
    return new MqttPublishMessage(
        header,
        new MqttPublishVariableHeader(topic, delivery.packetId(), properties),
        Unpooled.wrappedBuffer(message.payload()));
  }

  /**
   * About how many bytes the PUBLISH of a delivery takes, never less: the fixed header with the
   * longest remaining length, topic, packet id, an empty property length, payload.
   */
  static long sizeOf(Delivery delivery) {
    Message message = delivery.message();
    return 1 + 4 + 2 + (long) message.topic().getBytes(StandardCharsets.UTF_8).length + 2 + 4
        + propertiesSize(message.properties()) + message.payload().length;
  }

  /** Each property's identifier, length prefixes and value, at their longest. */
  private static long propertiesSize(MessageProperties properties) {
    long size = (properties.expiresAt().isPresent() ? 5 : 0) + (properties.utf8Payload() ? 2 : 0)
        + properties.contentType().map(text -> 3L + text.getBytes(StandardCharsets.UTF_8).length).orElse(0L)
        + properties.responseTopic().map(text -> 3L + text.getBytes(StandardCharsets.UTF_8).length).orElse(0L)
        + properties.correlationData().map(data -> 3L + data.length).orElse(0L);
    size += 5L * properties.subscriptionIdentifiers().size();
    for (MessageProperties.UserProperty user : properties.userProperties()) {
      size += 5 + user.name().getBytes(StandardCharsets.UTF_8).length + user.value().getBytes(StandardCharsets.UTF_8).length;
    }
    return size;
  }

  private static MqttFixedHeader header(MqttMessageType type, MqttQoS qos) {
    return new MqttFixedHeader(type, false, qos, false, 0);
  }
}
