package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;
import static org.sngw.broker.BrokerFixture.retained;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/** Acknowledgements wait until what they confirm is durable; deliveries to connected clients do not. */
class BrokerCoreDurabilityTest {
  private final MapStateStore store = new MapStateStore();
  private final BrokerFixture fixture = new BrokerFixture(BrokerConfig.defaults(), store, new VirtualTime());
  private final BrokerCore broker = fixture.broker;
  private final RecordingSink sink = new RecordingSink();
  private final List<String> acks = new ArrayList<>();

  @Test
  void publish_toOfflinePersistentSubscriber_isAcknowledgedOnlyWhenDurable() {
    broker.disconnect(subscribed("c", false), true);
    store.deferDurability();

    broker.publish(null, message("a", "x", Qos.AT_LEAST_ONCE), outcome -> acks.add("x " + outcome));
    assertThat(acks).isEmpty();

    store.flush();
    assertThat(acks).containsExactly("x ACCEPTED");
  }

  @Test
  void publish_toConnectedPersistentSubscriber_isDeliveredAtOnceButAcknowledgedWhenDurable() {
    subscribed("c", false);
    store.deferDurability();

    broker.publish(null, message("a", "x", Qos.AT_LEAST_ONCE), outcome -> acks.add("x"));

    assertThat(sink.takeDeliveries()).hasSize(1);
    assertThat(acks).isEmpty();
    store.flush();
    assertThat(acks).containsExactly("x");
  }

  @Test
  void publish_onlyCleanSubscribers_isAcknowledgedAtOnce() {
    subscribed("c", true);
    store.deferDurability();

    broker.publish(null, message("a", "x", Qos.AT_LEAST_ONCE), outcome -> acks.add("x"));

    assertThat(acks).containsExactly("x");
  }

  @Test
  void publish_onlyCleanSubscribersAfterAPendingOne_isAcknowledgedInOrder() {
    broker.disconnect(subscribed("persistent", false), true);
    RecordingSink cleanSink = new RecordingSink();
    fixture.subscribe(fixture.connect("clean", true, 10, cleanSink), "b", Qos.AT_LEAST_ONCE);
    store.deferDurability();

    broker.publish(null, message("a", "first", Qos.AT_LEAST_ONCE), outcome -> acks.add("first"));
    broker.publish(null, message("b", "second", Qos.AT_LEAST_ONCE), outcome -> acks.add("second"));
    assertThat(cleanSink.takeDeliveries()).hasSize(1);
    assertThat(acks).isEmpty();

    store.flush();
    assertThat(acks).containsExactly("first", "second");
  }

  @Test
  void publish_retained_isAcknowledgedOnlyWhenDurable() {
    store.deferDurability();

    broker.publish(null, retained("r", "x", Qos.AT_LEAST_ONCE), outcome -> acks.add("r"));
    assertThat(acks).isEmpty();

    store.flush();
    assertThat(acks).containsExactly("r");
  }

  @Test
  void publishExactlyOnce_persistentSender_pubrecWaitsForTheInboundIdEvenForAResend() {
    ClientHandle sender = fixture.connect("s", false, 1, new RecordingSink());
    store.deferDurability();

    broker.publishExactlyOnce(sender, 3, message("x", "1", Qos.EXACTLY_ONCE), outcome -> acks.add("first"));
    broker.publishExactlyOnce(sender, 3, message("x", "1", Qos.EXACTLY_ONCE), outcome -> acks.add("resend"));
    assertThat(acks).isEmpty();

    store.flush();
    assertThat(acks).containsExactly("first", "resend");
  }

  @Test
  void subscribe_persistent_grantsThenSendsRetainedOnlyWhenDurable() {
    fixture.publish(null, retained("a", "kept", Qos.AT_LEAST_ONCE));
    ClientHandle client = fixture.connect("c", false, 10, sink);
    store.deferDurability();

    broker.subscribe(client, List.of(new Subscription("a", Qos.AT_LEAST_ONCE)), granted -> {
      assertThat(sink.take()).isEmpty();
      acks.add("granted " + granted);
    });
    assertThat(acks).isEmpty();
    assertThat(sink.take()).isEmpty();

    store.flush();
    assertThat(acks).containsExactly("granted [Optional[AT_LEAST_ONCE]]");
    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("kept");
  }

  @Test
  void subscribe_connectionTakenOverBeforeDurable_sendsNoRetained() {
    fixture.publish(null, retained("a", "kept", Qos.AT_LEAST_ONCE));
    RecordingSink oldSink = new RecordingSink();
    ClientHandle client = fixture.connect("c", false, 10, oldSink);
    store.deferDurability();
    broker.subscribe(client, List.of(new Subscription("a", Qos.AT_LEAST_ONCE)), granted -> acks.add("granted"));

    fixture.connect("c", false, 10, sink);
    store.flush();

    assertThat(acks).containsExactly("granted");
    assertThat(oldSink.takeDeliveries()).isEmpty();
    assertThat(sink.takeDeliveries()).isEmpty();
  }

  @Test
  void unsubscribe_persistent_isAcknowledgedOnlyWhenDurable() {
    ClientHandle client = subscribed("c", false);
    store.deferDurability();

    broker.unsubscribe(client, List.of("a"), () -> acks.add("unsubscribed"));
    assertThat(acks).isEmpty();

    store.flush();
    assertThat(acks).containsExactly("unsubscribed");
  }

  private ClientHandle subscribed(String clientId, boolean cleanSession) {
    ClientHandle client = fixture.connect(clientId, cleanSession, 10, sink);
    fixture.subscribe(client, "a", Qos.AT_LEAST_ONCE);
    return client;
  }
}
