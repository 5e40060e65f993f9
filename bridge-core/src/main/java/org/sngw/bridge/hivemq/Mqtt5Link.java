package org.sngw.bridge.hivemq;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserPropertiesBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.sngw.bridge.UpstreamLink;
import org.sngw.config.BridgeConfig;
import org.sngw.message.MessageProperties;
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
  public CompletableFuture<Void> publish(String topic, byte[] payload, Qos qos, boolean retain,
      MessageProperties properties) {
    Mqtt5PublishBuilder.Send.Complete<CompletableFuture<Mqtt5PublishResult>> publish = client.publishWith()
        .topic(topic)
        .payload(payload)
        .qos(HiveMqLinks.qos(qos))
        .retain(retain);
    properties.remainingSeconds(Instant.now()).ifPresent(publish::messageExpiryInterval);
    if (properties.utf8Payload()) {
      publish.payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8);
    }
    properties.contentType().ifPresent(publish::contentType);
    properties.responseTopic().ifPresent(publish::responseTopic);
    properties.correlationData().ifPresent(publish::correlationData);
    if (!properties.userProperties().isEmpty()) {
      Mqtt5UserPropertiesBuilder user = Mqtt5UserProperties.builder();
      properties.userProperties().forEach(property -> user.add(property.name(), property.value()));
      publish.userProperties(user.build());
    }
    return publish.send()
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
            properties(publish),
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

  /** What an MQTT 5 upstream said about its message, kept as a local publisher's would be. */
  private static MessageProperties properties(Mqtt5Publish publish) {
    return new MessageProperties(
        publish.getMessageExpiryInterval().isPresent()
            ? Optional.of(Instant.now().plusSeconds(publish.getMessageExpiryInterval().getAsLong())) : Optional.empty(),
        publish.getPayloadFormatIndicator().filter(Mqtt5PayloadFormatIndicator.UTF_8::equals).isPresent(),
        publish.getContentType().map(Object::toString),
        publish.getResponseTopic().map(Object::toString),
        publish.getCorrelationData().map(data -> {
          byte[] bytes = new byte[data.remaining()];
          data.duplicate().get(bytes);
          return bytes;
        }),
        publish.getUserProperties().asList().stream()
            .map(property -> new MessageProperties.UserProperty(property.getName().toString(),
                property.getValue().toString()))
            .toList());
  }
}
