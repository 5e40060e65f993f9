package org.sngw.bridge.hivemq;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import java.nio.charset.StandardCharsets;
import org.sngw.bridge.UpstreamLink;
import org.sngw.tls.TlsFileException;
import org.sngw.tls.TlsFiles;
import org.sngw.config.BridgeConfig;
import org.sngw.message.Qos;

/** Builds the HiveMQ MQTT client for a bridge, MQTT 3.1.1 or 5, with TLS when the URI says so. */
public final class HiveMqLinks {
  private HiveMqLinks() {}

  /** The will and the "connected" message both go to this upstream topic. */
  public record Status(String topic, byte[] connected, byte[] disconnected) {
    public static Status of(String topic) {
      return new Status(topic, "connected".getBytes(StandardCharsets.UTF_8),
          "disconnected".getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * @param disconnected told when an established connection drops (not when connecting fails)
   * @throws TlsFileException when a certificate or key file cannot be used
   */
  public static UpstreamLink create(
      BridgeConfig config, Status status, MqttClientDisconnectedListener disconnected) throws TlsFileException {
    MqttClientBuilder builder = MqttClient.builder()
        .identifier(config.clientId())
        .serverHost(unbracketed(config.host()))
        .serverPort(config.port())
        .addDisconnectedListener(disconnected);
    if (config.usesTls()) {
      builder = withTls(builder, config.tls());
    }
    return config.version() == BridgeConfig.MqttVersion.V5
        ? new Mqtt5Link(builder.useMqttVersion5(), config, status)
        : new Mqtt3Link(builder.useMqttVersion3(), config, status);
  }

  private static MqttClientBuilder withTls(MqttClientBuilder builder, BridgeConfig.TlsConfig tls) throws TlsFileException {
    MqttClientSslConfigBuilder.Nested<? extends MqttClientBuilder> ssl = builder.sslConfig()
        .trustManagerFactory(TlsFiles.trustManagers(tls.caFile()));
    var keys = TlsFiles.keyManagers(tls.certFile(), tls.keyFile());
    if (keys.isPresent()) {
      ssl = ssl.keyManagerFactory(keys.get());
    }
    if (!tls.verifyHostname()) {
      ssl = ssl.hostnameVerifier((host, session) -> true);
    }
    return ssl.applySslConfig();
  }

  /** URIs write IPv6 literals in brackets; the client wants the bare address. */
  private static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  static MqttQos qos(Qos qos) {
    return MqttQos.fromCode(qos.value());
  }

  static Qos qos(MqttQos qos) {
    return Qos.of(qos.getCode());
  }
}
