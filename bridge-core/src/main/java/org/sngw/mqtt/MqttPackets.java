package org.sngw.mqtt;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnAckVariableHeader;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import java.util.List;
import java.util.Optional;
import org.sngw.broker.Delivery;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/** Builds the packets the listener sends. The encoder computes every remaining length itself. */
final class MqttPackets {
  /** Immutable and not reference-counted, so one instance serves every connection. */
  static final MqttMessage PINGRESP = new MqttMessage(header(MqttMessageType.PINGRESP, MqttQoS.AT_MOST_ONCE));

  private static final int SUBACK_FAILURE = 0x80;

  private MqttPackets() {}

  static MqttConnAckMessage connAck(MqttConnectReturnCode code, boolean sessionPresent) {
    return new MqttConnAckMessage(
        header(MqttMessageType.CONNACK, MqttQoS.AT_MOST_ONCE),
        new MqttConnAckVariableHeader(code, sessionPresent));
  }

  /** PUBACK, PUBREC, PUBREL or PUBCOMP: a packet id and nothing else. */
  static MqttMessage reply(MqttMessageType type, int packetId) {
    // PUBREL is the one reply whose fixed header must carry QoS 1
    MqttQoS qos = type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
    return new MqttMessage(header(type, qos), MqttMessageIdVariableHeader.from(packetId));
  }

  static MqttSubAckMessage subAck(int packetId, List<Optional<Qos>> granted) {
    int[] codes = new int[granted.size()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = granted.get(i).map(Qos::value).orElse(SUBACK_FAILURE);
    }
    return new MqttSubAckMessage(
        header(MqttMessageType.SUBACK, MqttQoS.AT_MOST_ONCE),
        MqttMessageIdVariableHeader.from(packetId),
        new MqttSubAckPayload(codes));
  }

  static MqttUnsubAckMessage unsubAck(int packetId) {
    return new MqttUnsubAckMessage(
        header(MqttMessageType.UNSUBACK, MqttQoS.AT_MOST_ONCE), MqttMessageIdVariableHeader.from(packetId));
  }

  /** Wraps the shared payload array without copying it; the broker never mutates it. */
  static MqttPublishMessage publish(Delivery delivery) {
    Message message = delivery.message();
    MqttFixedHeader header = new MqttFixedHeader(
        MqttMessageType.PUBLISH, delivery.dup(), MqttQoS.valueOf(message.qos().value()), message.retain(), 0);
    return new MqttPublishMessage(
        header,
        new MqttPublishVariableHeader(message.topic(), delivery.packetId()),
        Unpooled.wrappedBuffer(message.payload()));
  }

  private static MqttFixedHeader header(MqttMessageType type, MqttQoS qos) {
    return new MqttFixedHeader(type, false, qos, false, 0);
  }
}
