package org.sngw.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;

/** Why a CONNECT is refused, in the CONNACK code of each protocol version. */
enum ConnectRefusal {
  UNACCEPTABLE_VERSION(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION,
      MqttConnectReturnCode.CONNECTION_REFUSED_UNSUPPORTED_PROTOCOL_VERSION),
  IDENTIFIER_REJECTED(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
      MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID),
  /** As many clients connected as allowed. */
  FULL(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE,
      MqttConnectReturnCode.CONNECTION_REFUSED_QUOTA_EXCEEDED),
  BAD_CREDENTIALS(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD,
      MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD),
  NOT_AUTHORIZED(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED,
      MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5),
  /** MQTT 5's enhanced authentication: no method is offered yet (MQTT 3.1.1 has none to ask for). */
  BAD_AUTHENTICATION_METHOD(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED,
      MqttConnectReturnCode.CONNECTION_REFUSED_BAD_AUTHENTICATION_METHOD);

  private final MqttConnectReturnCode v3;
  private final MqttConnectReturnCode v5;

  ConnectRefusal(MqttConnectReturnCode v3, MqttConnectReturnCode v5) {
    this.v3 = v3;
    this.v5 = v5;
  }

  MqttConnectReturnCode code(boolean mqtt5) {
    return mqtt5 ? v5 : v3;
  }
}
