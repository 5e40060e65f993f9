package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.message.Message;
import org.sngw.message.MessageProperties;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/** MQTT 5's message expiry: a message whose interval runs out while it waits is not sent. */
class BrokerCoreMessageExpiryTest {
  private final VirtualTime time = new VirtualTime();
  private final MapStateStore store = new MapStateStore();
  private final BrokerFixture fixture = new BrokerFixture(BrokerConfig.defaults(), store, time);

  @Test
  void queuedForAnOfflineSession_expiredOnesAreDropped_theRestKeepTheirProperties() {
    offlineSubscriber("away");
    Message brief = expiring("t/brief", Duration.ofSeconds(10));
    Message lasting = expiring("t/lasting", Duration.ofHours(1));
    fixture.publish(null, brief);
    fixture.publish(null, lasting);

    time.advance(Duration.ofSeconds(11));
    RecordingSink back = new RecordingSink();
    fixture.connect("away", false, 10, back);

    assertThat(back.takeDeliveries()).extracting(Delivery::message).containsExactly(lasting);
    assertThat(fixture.broker.expiredMessages()).isEqualTo(1);
  }

  @Test
  void properties_surviveARestart() {
    offlineSubscriber("away");
    Message lasting = expiring("t/lasting", Duration.ofHours(1));
    fixture.publish(null, lasting);
    fixture.publish(null, new Message("t/kept", new byte[] {1}, Qos.AT_LEAST_ONCE, true, lasting.properties()));

    store.crash();
    fixture.restart();
    RecordingSink back = new RecordingSink();
    fixture.connect("away", false, 10, back);
    RecordingSink late = new RecordingSink();
    fixture.subscribe(fixture.connect("late", true, 10, late), "t/kept", Qos.AT_LEAST_ONCE);

    assertThat(back.takeDeliveries()).extracting(Delivery::message).first().isEqualTo(lasting);
    assertThat(late.takeDeliveries()).singleElement()
        .satisfies(retained -> assertThat(retained.message().properties()).isEqualTo(lasting.properties()));
  }

  @Test
  void expiredRetainedMessage_isNotSentToANewSubscriber() {
    fixture.publish(null, new Message("t/old", new byte[] {1}, Qos.AT_LEAST_ONCE, true,
        expiring("t/old", Duration.ofSeconds(5)).properties()));
    time.advance(Duration.ofSeconds(6));
    RecordingSink subscriber = new RecordingSink();

    fixture.subscribe(fixture.connect("new", true, 10, subscriber), "t/#", Qos.AT_LEAST_ONCE);

    assertThat(subscriber.take()).isEmpty();
  }

  /** A persistent session subscribed to {@code t/#}, offline. */
  private void offlineSubscriber(String clientId) {
    ClientHandle subscriber = fixture.connect(clientId, false, 10, new RecordingSink());
    fixture.subscribe(subscriber, "t/#", Qos.AT_LEAST_ONCE);
    fixture.broker.disconnect(subscriber, true);
  }

  private Message expiring(String topic, Duration interval) {
    Instant arrival = time.wall().instant();
    MessageProperties properties = new MessageProperties(Optional.of(arrival.plus(interval)), true,
        Optional.of("text/plain"), Optional.of("replies/" + topic), Optional.of(new byte[] {4, 2}),
        List.of(new MessageProperties.UserProperty("site", "north")));
    return new Message(topic, topic.getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false, properties);
  }
}
