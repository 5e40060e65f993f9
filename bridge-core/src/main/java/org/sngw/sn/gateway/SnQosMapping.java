package org.sngw.sn.gateway;

import org.sngw.message.Qos;
import org.sngw.sn.codec.SnQos;

/** MQTT-SN QoS to broker QoS and back; QoS -1 is an ordinary QoS 0 message once inside. */
final class SnQosMapping {
  private SnQosMapping() {}

  static Qos toBroker(SnQos qos) {
    return switch (qos) {
      case AT_MOST_ONCE, FIRE_AND_FORGET -> Qos.AT_MOST_ONCE;
      case AT_LEAST_ONCE -> Qos.AT_LEAST_ONCE;
      case EXACTLY_ONCE -> Qos.EXACTLY_ONCE;
    };
  }

  static SnQos toSn(Qos qos) {
    return switch (qos) {
      case AT_MOST_ONCE -> SnQos.AT_MOST_ONCE;
      case AT_LEAST_ONCE -> SnQos.AT_LEAST_ONCE;
      case EXACTLY_ONCE -> SnQos.EXACTLY_ONCE;
    };
  }
}
