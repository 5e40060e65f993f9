package org.sngw.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sngw.message.MessageProperties;

/**
 * MQTT 5's PUBLISH properties both ways: what a client sent, as the broker keeps it (the expiry
 * interval becomes a time, counted from arrival), and what an MQTT 5 subscriber is sent (the
 * interval left, and the identifiers of the subscriptions it came through). Topic aliases are the
 * connection's, not the message's, and a client's PUBLISH carries no subscription identifiers.
 */
final class PublishProperties {
  private static final int UTF8 = 1;

  private PublishProperties() {}

  /** @param clock when the message arrived; read only for one with an expiry interval */
  static MessageProperties read(MqttProperties properties, InstantSource clock) {
    if (properties.isEmpty()) {
      return MessageProperties.NONE;
    }
    Optional<Instant> expiresAt = PropertyValues.integer(properties, MqttProperties.PUBLICATION_EXPIRY_INTERVAL)
        .map(seconds -> clock.instant().plus(Duration.ofSeconds(Integer.toUnsignedLong(seconds))));
    boolean utf8 = PropertyValues.integer(properties, MqttProperties.PAYLOAD_FORMAT_INDICATOR).orElse(0) == UTF8;
    List<MessageProperties.UserProperty> user = new ArrayList<>();
    for (MqttProperties.MqttProperty<?> property : properties.getProperties(MqttProperties.USER_PROPERTY)) {
      if (property.value() instanceof MqttProperties.StringPair pair) {
        user.add(new MessageProperties.UserProperty(pair.key, pair.value));
      } else if (property.value() instanceof List<?> pairs) {
        for (Object each : pairs) {
          MqttProperties.StringPair pair = (MqttProperties.StringPair) each;
          user.add(new MessageProperties.UserProperty(pair.key, pair.value));
        }
      }
    }
    return new MessageProperties(expiresAt, utf8, PropertyValues.string(properties, MqttProperties.CONTENT_TYPE),
        PropertyValues.string(properties, MqttProperties.RESPONSE_TOPIC),
        PropertyValues.binary(properties, MqttProperties.CORRELATION_DATA), user);
  }

  /** @param clock read only for a message with an expiry interval */
  static MqttProperties write(MessageProperties message, InstantSource clock) {
    if (message.isEmpty()) {
      return MqttProperties.NO_PROPERTIES;
    }
    MqttProperties properties = new MqttProperties();
    if (message.expiresAt().isPresent()) {
      long seconds = message.remainingSeconds(clock.instant()).orElseThrow();
      properties.add(new MqttProperties.IntegerProperty(MqttProperties.PUBLICATION_EXPIRY_INTERVAL,
          (int) Math.min(seconds, 0xFFFFFFFFL)));
    }
    if (message.utf8Payload()) {
      properties.add(new MqttProperties.IntegerProperty(MqttProperties.PAYLOAD_FORMAT_INDICATOR, UTF8));
    }
    message.contentType().ifPresent(type -> properties.add(
        new MqttProperties.StringProperty(MqttProperties.CONTENT_TYPE, type)));
    message.responseTopic().ifPresent(topic -> properties.add(
        new MqttProperties.StringProperty(MqttProperties.RESPONSE_TOPIC, topic)));
    message.correlationData().ifPresent(data -> properties.add(
        new MqttProperties.BinaryProperty(MqttProperties.CORRELATION_DATA, data)));
    for (MessageProperties.UserProperty user : message.userProperties()) {
      properties.add(new MqttProperties.UserProperty(user.name(), user.value()));
    }
    for (int identifier : message.subscriptionIdentifiers()) {
      properties.add(new MqttProperties.IntegerProperty(MqttProperties.SUBSCRIPTION_IDENTIFIER, identifier));
    }
    return properties;
  }
}
