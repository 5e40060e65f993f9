package org.sngw.message;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What MQTT 5 lets a publisher say about its message besides topic and payload, kept with it
 * through queues, the store and bridges. MQTT 3.1.1 and MQTT-SN messages have none.
 *
 * @param expiresAt when the message is no longer to be sent: its Message Expiry Interval from when
 *     it arrived; empty for never. An absolute time, so that it holds across a restart
 * @param utf8Payload the Payload Format Indicator: the publisher says the payload is UTF-8 text
 * @param correlationData bytes the publisher wants back with a response; never mutated
 * @param subscriptionIdentifiers not the publisher's: the identifiers of the subscriptions a copy of
 *     the message reached one subscriber through, set on that subscriber's copy
 */
public record MessageProperties(
    Optional<Instant> expiresAt,
    boolean utf8Payload,
    Optional<String> contentType,
    Optional<String> responseTopic,
    Optional<byte[]> correlationData,
    List<UserProperty> userProperties,
    List<Integer> subscriptionIdentifiers) {
  public static final MessageProperties NONE = new MessageProperties(Optional.empty(), false, Optional.empty(),
      Optional.empty(), Optional.empty(), List.of());

  /** A name and value pair of the publisher's own; names may repeat, and the order is kept. */
  public record UserProperty(String name, String value) {
    public UserProperty {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  public MessageProperties {
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(responseTopic, "responseTopic");
    Objects.requireNonNull(correlationData, "correlationData");
    userProperties = List.copyOf(userProperties);
    subscriptionIdentifiers = List.copyOf(subscriptionIdentifiers);
  }

  /** What a publisher sends: no subscription identifiers. */
  public MessageProperties(Optional<Instant> expiresAt, boolean utf8Payload, Optional<String> contentType,
      Optional<String> responseTopic, Optional<byte[]> correlationData, List<UserProperty> userProperties) {
    this(expiresAt, utf8Payload, contentType, responseTopic, correlationData, userProperties, List.of());
  }

  /** The same properties on the copy for a subscriber who subscribed with these identifiers. */
  public MessageProperties withSubscriptionIdentifiers(List<Integer> identifiers) {
    return identifiers.equals(subscriptionIdentifiers) ? this : new MessageProperties(expiresAt, utf8Payload,
        contentType, responseTopic, correlationData, userProperties, identifiers);
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  public boolean expiredAt(Instant now) {
    return expiresAt.isPresent() && !now.isBefore(expiresAt.get());
  }

  /**
   * What is left of the expiry interval at {@code now}, in whole seconds rounded up, as MQTT 5
   * sends it on (at least 1 while it has not expired); empty for a message that never expires.
   */
  public Optional<Long> remainingSeconds(Instant now) {
    return expiresAt.map(at -> Math.max(1, (Duration.between(now, at).toMillis() + 999) / 1000));
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof MessageProperties p
        && p.expiresAt.equals(expiresAt)
        && p.utf8Payload == utf8Payload
        && p.contentType.equals(contentType)
        && p.responseTopic.equals(responseTopic)
        && p.correlationData.isPresent() == correlationData.isPresent()
        && (correlationData.isEmpty() || Arrays.equals(p.correlationData.get(), correlationData.get()))
        && p.userProperties.equals(userProperties)
        && p.subscriptionIdentifiers.equals(subscriptionIdentifiers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expiresAt, utf8Payload, contentType, responseTopic, userProperties, subscriptionIdentifiers)
        + correlationData.map(Arrays::hashCode).orElse(0);
  }
}
