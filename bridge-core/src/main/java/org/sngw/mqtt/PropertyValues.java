package org.sngw.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import java.util.Optional;

/** The values of MQTT 5 properties as Netty decoded them: present only with the type the property has. */
final class PropertyValues {
  private PropertyValues() {}

  static Optional<Integer> integer(MqttProperties properties, int id) {
    MqttProperties.MqttProperty<?> property = properties.getProperty(id);
    return property != null && property.value() instanceof Integer value ? Optional.of(value) : Optional.empty();
  }

  static Optional<String> string(MqttProperties properties, int id) {
    MqttProperties.MqttProperty<?> property = properties.getProperty(id);
    return property != null && property.value() instanceof String value ? Optional.of(value) : Optional.empty();
  }

  /** A copy: Netty's array is the decoder's. */
  static Optional<byte[]> binary(MqttProperties properties, int id) {
    MqttProperties.MqttProperty<?> property = properties.getProperty(id);
    return property != null && property.value() instanceof byte[] value ? Optional.of(value.clone()) : Optional.empty();
  }
}
