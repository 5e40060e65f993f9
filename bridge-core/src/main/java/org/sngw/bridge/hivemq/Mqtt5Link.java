package org.sngw.bridge.hivemq;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.sngw.bridge.UpstreamLink;
import org.sngw.config.BridgeConfig;
import org.sngw.message.Qos;

/** An upstream over MQTT 5: no-local subscriptions, a session expiry for persistent sessions. */
final class Mqtt5Link implements UpstreamLink {
  /** How long the upstream keeps a persistent session while the gateway is away. */
  private static final long PERSISTENT_SESSION_EXPIRY_SECONDS = 7 * 24 * 3600;

  private final Mqtt5AsyncClient client;
  private final BridgeConfig config;
  private final HiveMqLinks.Status status;

  Mqtt5Link(Mqtt5ClientBuilder builder, BridgeConfig config, HiveMqLinks.Status status) {
    if (config.username().isPresent()) {
      builder = builder.simpleAuth()
          .username(config.username().get())
          .password(config.password().orElse("").getBytes(StandardCharsets.UTF_8))
          .applySimpleAuth();
    }
    this.client = builder.buildAsync();
    this.config = config;
    this.status = status;
  }

  @Override
  public CompletableFuture<Void> connect() {
    return client.connectWith()
        .keepAlive((int) config.keepAlive().toSeconds())
        .cleanStart(config.cleanSession())
        .sessionExpiryInterval(config.cleanSession() ? 0 : PERSISTENT_SESSION_EXPIRY_SECONDS)
        .willPublish()
        .topic(status.topic())
        .payload(status.disconnected())
        .qos(MqttQos.AT_LEAST_ONCE)
        .retain(true)
        .applyWillPublish()
        .send()
        .thenCompose(ack -> publish(status.topic(), status.connected(), Qos.AT_LEAST_ONCE, true));
  }

  @Override
  public CompletableFuture<Void> publish(String topic, byte[] payload, Qos qos, boolean retain) {
    return client.publishWith()
        .topic(topic)
        .payload(payload)
        .qos(HiveMqLinks.qos(qos))
        .retain(retain)
        .send()
        .thenAccept(result -> result.getError().ifPresent(error -> {
          throw new IllegalStateException("upstream refused a PUBLISH to " + topic, error);
        }));
  }

  @Override
  public CompletableFuture<Void> subscribe(String filter, Qos qos, Consumer<Inbound> messages) {
    return client.subscribeWith()
        .topicFilter(filter)
        .qos(HiveMqLinks.qos(qos))
        .noLocal(true)
        .callback(publish -> messages.accept(new Inbound(
            publish.getTopic().toString(),
            publish.getPayloadAsBytes(),
            HiveMqLinks.qos(publish.getQos()),
            publish.isRetain(),
            publish::acknowledge)))
        .manualAcknowledgement(true)
        .send()
        .thenAccept(ack -> { });
  }

  @Override
  public CompletableFuture<Void> disconnect() {
    return client.disconnect();
  }

  @Override
  public boolean suppressesEchoes() {
    return true;
  }
}
