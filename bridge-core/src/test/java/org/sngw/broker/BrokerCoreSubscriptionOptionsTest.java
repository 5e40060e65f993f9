package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;
import static org.sngw.broker.BrokerFixture.retained;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sngw.broker.Subscription.RetainHandling;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/** MQTT 5's options of each subscription: no-local, retain as published, subscription identifiers. */
class BrokerCoreSubscriptionOptionsTest {
  private final BrokerFixture fixture = new BrokerFixture();

  @Test
  void noLocal_keepsTheSubscribersOwnMessagesAway_throughThatFilterOnly() {
    RecordingSink own = new RecordingSink();
    RecordingSink other = new RecordingSink();
    ClientHandle chatty = fixture.connect("chatty", true, 10, own);
    fixture.subscribe(chatty, List.of(options("chat/#", Qos.AT_LEAST_ONCE, true, false, 0)));
    fixture.subscribe(fixture.connect("listener", true, 10, other), "chat/#", Qos.AT_LEAST_ONCE);

    fixture.publish(chatty, message("chat/room", "hello", Qos.AT_LEAST_ONCE));
    assertThat(own.take()).isEmpty();
    assertThat(other.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("hello");

    fixture.subscribe(chatty, List.of(new Subscription("chat/room", Qos.AT_MOST_ONCE)));
    fixture.publish(chatty, message("chat/room", "again", Qos.AT_LEAST_ONCE));
    assertThat(own.takeDeliveries()).as("through the plain filter, at its QoS").singleElement()
        .satisfies(delivery -> assertThat(delivery.message().qos()).isEqualTo(Qos.AT_MOST_ONCE));
  }

  @Test
  void retainAsPublished_keepsTheRetainFlag_otherSubscriptionsLoseIt() {
    RecordingSink keeping = new RecordingSink();
    RecordingSink plain = new RecordingSink();
    fixture.subscribe(fixture.connect("keeping", true, 10, keeping),
        List.of(options("state/#", Qos.AT_LEAST_ONCE, false, true, 0)));
    fixture.subscribe(fixture.connect("plain", true, 10, plain), "state/#", Qos.AT_LEAST_ONCE);

    fixture.publish(null, retained("state/door", "open", Qos.AT_LEAST_ONCE));

    assertThat(keeping.takeDeliveries()).singleElement().satisfies(d -> assertThat(d.message().retain()).isTrue());
    assertThat(plain.takeDeliveries()).singleElement().satisfies(d -> assertThat(d.message().retain()).isFalse());
  }

  @Test
  void subscriptionIdentifiers_ofEveryMatchingFilter_comeWithTheDelivery_andWithRetainedOnes() {
    fixture.publish(null, retained("s/old", "kept", Qos.AT_LEAST_ONCE));
    RecordingSink sink = new RecordingSink();
    ClientHandle client = fixture.connect("ids", true, 10, sink);
    fixture.subscribe(client, List.of(options("s/#", Qos.AT_LEAST_ONCE, false, false, 9)));
    fixture.subscribe(client, List.of(options("s/+", Qos.AT_LEAST_ONCE, false, false, 5)));
    sink.takeDeliveries().forEach(d -> assertThat(d.message().properties().subscriptionIdentifiers())
        .isIn(List.of(9), List.of(5)));

    fixture.publish(null, message("s/new", "x", Qos.AT_LEAST_ONCE));

    assertThat(sink.takeDeliveries()).singleElement()
        .satisfies(d -> assertThat(d.message().properties().subscriptionIdentifiers()).containsExactly(5, 9));
  }

  @Test
  void plainSubscriptions_deliverWithoutIdentifiers() {
    RecordingSink sink = new RecordingSink();
    fixture.subscribe(fixture.connect("plain", true, 10, sink), "p/#", Qos.AT_LEAST_ONCE);

    fixture.publish(null, message("p/1", "x", Qos.AT_LEAST_ONCE));

    assertThat(sink.takeDeliveries()).singleElement()
        .satisfies(d -> assertThat(d.message().properties().subscriptionIdentifiers()).isEmpty());
  }

  @Test
  void options_survivePersistentSessionsRestart() {
    MapStateStore store = new MapStateStore();
    BrokerFixture stored = new BrokerFixture(BrokerConfig.defaults(), store, new VirtualTime());
    ClientHandle chatty = stored.connect("chatty", false, 10, new RecordingSink());
    stored.subscribe(chatty, List.of(options("chat/#", Qos.AT_LEAST_ONCE, true, false, 11)));
    stored.broker.disconnect(chatty, true);

    store.crash();
    stored.restart();
    RecordingSink own = new RecordingSink();
    ClientHandle back = stored.connect("chatty", false, 10, own);
    stored.publish(back, message("chat/room", "mine", Qos.AT_LEAST_ONCE));
    stored.publish(null, message("chat/room", "theirs", Qos.AT_LEAST_ONCE));

    assertThat(own.takeDeliveries()).as("no-local and the identifier, after the restart").singleElement()
        .satisfies(delivery -> {
          assertThat(BrokerFixture.text(delivery)).isEqualTo("theirs");
          assertThat(delivery.message().properties().subscriptionIdentifiers()).containsExactly(11);
        });
  }

  private static Subscription options(String filter, Qos qos, boolean noLocal, boolean retainAsPublished, int id) {
    return new Subscription(filter, qos, RetainHandling.ALWAYS, noLocal, retainAsPublished, id);
  }
}
