package org.sngw.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttProperties;
import java.time.Duration;

/**
 * What an MQTT 5 CONNECT asks for in its properties and its will's; an MQTT 3.1.1 CONNECT has
 * none, and is taken as {@link #NONE}: the defaults MQTT 5 gives each property that is left out.
 *
 * @param sessionExpiry the Session Expiry Interval; zero ends the session with the connection
 * @param receiveMaximum how many QoS 1/2 messages the client takes in flight (0 from a client is
 *     not allowed, and taken as left out)
 * @param maximumPacketSize the largest packet the client takes
 * @param topicAliasMaximum how many topic aliases the client takes from the server
 * @param willDelay the will's Will Delay Interval
 * @param authenticationMethod whether it asks for enhanced authentication
 */
record ConnectProperties(Duration sessionExpiry, int receiveMaximum, int maximumPacketSize, int topicAliasMaximum,
    Duration willDelay, boolean authenticationMethod) {
  static final int MAX_RECEIVE = 0xFFFF;
  static final ConnectProperties NONE =
      new ConnectProperties(Duration.ZERO, MAX_RECEIVE, Integer.MAX_VALUE, 0, Duration.ZERO, false);

  static ConnectProperties of(MqttConnectVariableHeader header, MqttConnectPayload payload) {
    MqttProperties properties = header.properties();
    int receiveMaximum = integer(properties, MqttProperties.RECEIVE_MAXIMUM, MAX_RECEIVE);
    return new ConnectProperties(
        seconds(properties, MqttProperties.SESSION_EXPIRY_INTERVAL),
        receiveMaximum < 1 ? MAX_RECEIVE : receiveMaximum,
        integer(properties, MqttProperties.MAXIMUM_PACKET_SIZE, Integer.MAX_VALUE),
        integer(properties, MqttProperties.TOPIC_ALIAS_MAXIMUM, 0),
        header.isWillFlag() ? seconds(payload.willProperties(), MqttProperties.WILL_DELAY_INTERVAL) : Duration.ZERO,
        properties.getProperty(MqttProperties.AUTHENTICATION_METHOD) != null);
  }

  /** An interval in seconds, which MQTT 5 sends as an unsigned four-byte integer; zero when left out. */
  private static Duration seconds(MqttProperties properties, int id) {
    return Duration.ofSeconds(Integer.toUnsignedLong(integer(properties, id, 0)));
  }

  private static int integer(MqttProperties properties, int id, int absent) {
    return PropertyValues.integer(properties, id).orElse(absent);
  }
}
