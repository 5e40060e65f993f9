package org.sngw.mqtt;

import io.netty.handler.codec.mqtt.MqttReasonCodes;
import java.util.List;
import java.util.Optional;
import org.sngw.broker.PublishOutcome;
import org.sngw.broker.Subscription;
import org.sngw.broker.topic.Topics;
import org.sngw.message.Qos;

/** MQTT 5's reason codes for what the broker answered. */
final class ReasonCodes {
  private ReasonCodes() {}

  /** For PUBACK and PUBREC; PUBREL and PUBCOMP are always success here. */
  static byte of(PublishOutcome outcome) {
    return switch (outcome) {
      case ACCEPTED -> MqttReasonCodes.PubAck.SUCCESS.byteValue();
      case DENIED -> MqttReasonCodes.PubAck.NOT_AUTHORIZED.byteValue();
      case CONGESTED -> MqttReasonCodes.PubAck.QUOTA_EXCEEDED.byteValue();
      case INVALID_TOPIC -> MqttReasonCodes.PubAck.TOPIC_NAME_INVALID.byteValue();
    };
  }

  /** SUBACK's code per filter: the QoS granted, or why not (a bad filter, or the access rules). */
  static int[] subAck(List<Subscription> requested, List<Optional<Qos>> granted) {
    int[] codes = new int[granted.size()];
    for (int i = 0; i < codes.length; i++) {
      String filter = requested.get(i).filter();
      codes[i] = granted.get(i).map(Qos::value).orElseGet(() -> (Topics.isValidFilter(filter)
          ? MqttReasonCodes.SubAck.NOT_AUTHORIZED : MqttReasonCodes.SubAck.TOPIC_FILTER_INVALID).byteValue() & 0xFF);
    }
    return codes;
  }
}
