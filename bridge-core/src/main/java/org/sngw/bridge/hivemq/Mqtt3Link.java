package org.sngw.bridge.hivemq;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.sngw.bridge.UpstreamLink;
import org.sngw.config.BridgeConfig;
import org.sngw.message.MessageProperties;
import org.sngw.message.Qos;

/** An upstream over MQTT 3.1.1: what it echoes back the bridge filters itself. */
final class Mqtt3Link implements UpstreamLink {
  private final Mqtt3AsyncClient client;
  private final BridgeConfig config;
  private final HiveMqLinks.Status status;

  Mqtt3Link(Mqtt3ClientBuilder builder, BridgeConfig config, HiveMqLinks.Status status) {
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
        .cleanSession(config.cleanSession())
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
    return client.publishWith()
        .topic(topic)
        .payload(payload)
        .qos(HiveMqLinks.qos(qos))
        .retain(retain)
        .send()
        .thenAccept(sent -> { });
  }

  @Override
  public CompletableFuture<Void> subscribe(String filter, Qos qos, Consumer<Inbound> messages) {
    return client.subscribeWith()
        .topicFilter(filter)
        .qos(HiveMqLinks.qos(qos))
        .callback(publish -> messages.accept(new Inbound(
            publish.getTopic().toString(),
            publish.getPayloadAsBytes(),
            HiveMqLinks.qos(publish.getQos()),
            publish.isRetain(),
            MessageProperties.NONE,
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
    return false;
  }
}
