package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;
import static org.sngw.broker.BrokerFixture.retained;
import static org.sngw.broker.BrokerFixture.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.message.Qos;

class BrokerCoreRoutingTest {
  private final BrokerFixture fixture = new BrokerFixture();
  private final RecordingSink sink = new RecordingSink();
  private final ClientHandle client = fixture.connect("sub", true, 10, sink);

  @Test
  void publish_noSubscriber_isAccepted() {
    assertThat(fixture.publish(null, message("a", "x", Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);
  }

  @Test
  void publish_wildcardOrEmptyTopic_isInvalidTopicAndNotRouted() {
    fixture.subscribe(client, "#", Qos.AT_MOST_ONCE);

    assertThat(fixture.publish(client, message("a/+", "x", Qos.AT_MOST_ONCE))).isEqualTo(PublishOutcome.INVALID_TOPIC);
    assertThat(fixture.publish(client, message("", "x", Qos.AT_MOST_ONCE))).isEqualTo(PublishOutcome.INVALID_TOPIC);
    assertThat(sink.take()).isEmpty();
  }

  @Test
  void publish_qos2ToQos1Subscription_isDowngraded() {
    fixture.subscribe(client, "a", Qos.AT_LEAST_ONCE);

    fixture.publish(null, message("a", "x", Qos.EXACTLY_ONCE));

    assertThat(sink.takeDeliveries()).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo(message("a", "x", Qos.AT_LEAST_ONCE)));
  }

  @Test
  void publish_qos0ToQos2Subscription_staysQos0WithoutPacketId() {
    fixture.subscribe(client, "a", Qos.EXACTLY_ONCE);

    fixture.publish(null, message("a", "x", Qos.AT_MOST_ONCE));

    assertThat(sink.takeDeliveries()).containsExactly(new Delivery(0, false, message("a", "x", Qos.AT_MOST_ONCE)));
  }

  @Test
  void publish_overlappingFiltersOfOneSession_deliversOnceAtHighestGrantedQos() {
    fixture.subscribe(client, "a/b", Qos.AT_MOST_ONCE);
    fixture.subscribe(client, "a/+", Qos.EXACTLY_ONCE);
    fixture.subscribe(client, "#", Qos.AT_LEAST_ONCE);

    fixture.publish(null, message("a/b", "x", Qos.EXACTLY_ONCE));

    assertThat(sink.takeDeliveries()).singleElement()
        .satisfies(d -> assertThat(d.message().qos()).isEqualTo(Qos.EXACTLY_ONCE));
  }

  @Test
  void publish_retainFlag_isClearedForLiveSubscribers() {
    fixture.subscribe(client, "a", Qos.AT_LEAST_ONCE);

    fixture.publish(null, retained("a", "x", Qos.AT_LEAST_ONCE));

    assertThat(sink.takeDeliveries()).singleElement()
        .satisfies(d -> assertThat(d.message().retain()).isFalse());
  }

  @Test
  void publish_dollarSysTopic_notDeliveredToHashButToSysFilter() {
    RecordingSink sysSink = new RecordingSink();
    ClientHandle sysClient = fixture.connect("sys", true, 10, sysSink);
    fixture.subscribe(client, "#", Qos.AT_MOST_ONCE);
    fixture.subscribe(sysClient, "$SYS/#", Qos.AT_MOST_ONCE);

    fixture.publish(null, message("$SYS/x", "x", Qos.AT_MOST_ONCE));

    assertThat(sink.take()).isEmpty();
    assertThat(sysSink.takeDeliveries()).hasSize(1);
  }

  @Test
  void publish_parentOfMultiLevelFilter_isDelivered() {
    fixture.subscribe(client, "sport/#", Qos.AT_MOST_ONCE);

    fixture.publish(null, message("sport", "x", Qos.AT_MOST_ONCE));

    assertThat(sink.takeDeliveries()).hasSize(1);
  }

  @Test
  void publish_leadingSlashTopic_matchesPlusPlusNotPlus() {
    fixture.subscribe(client, "+/+", Qos.AT_MOST_ONCE);
    RecordingSink oneLevelSink = new RecordingSink();
    fixture.subscribe(fixture.connect("one", true, 10, oneLevelSink), "+", Qos.AT_MOST_ONCE);

    fixture.publish(null, message("/finance", "x", Qos.AT_MOST_ONCE));

    assertThat(sink.takeDeliveries()).hasSize(1);
    assertThat(oneLevelSink.take()).isEmpty();
  }

  @Test
  void subscribe_invalidFilter_grantsEmptyForThatEntryOnly() {
    List<Optional<Qos>> granted = fixture.subscribe(client, List.of(
        new Subscription("a/#/b", Qos.AT_LEAST_ONCE),
        new Subscription("a/+", Qos.EXACTLY_ONCE),
        new Subscription("", Qos.AT_MOST_ONCE)));

    assertThat(granted).containsExactly(Optional.empty(), Optional.of(Qos.EXACTLY_ONCE), Optional.empty());
    fixture.publish(null, message("a/b", "x", Qos.AT_MOST_ONCE));
    assertThat(sink.takeDeliveries()).hasSize(1);
  }

  @Test
  void subscribe_matchingRetained_deliveredAfterGrantWithRetainAtMinQos() {
    fixture.publish(null, retained("a/b", "x", Qos.EXACTLY_ONCE));
    List<String> order = new ArrayList<>();

    fixture.broker.subscribe(client, List.of(new Subscription("a/b", Qos.AT_LEAST_ONCE)), granted -> {
      assertThat(sink.take()).isEmpty();
      order.add("granted");
    });

    assertThat(order).containsExactly("granted");
    assertThat(sink.takeDeliveries()).singleElement().satisfies(d -> {
      assertThat(d.message()).isEqualTo(retained("a/b", "x", Qos.AT_LEAST_ONCE));
      assertThat(d.dup()).isFalse();
    });
  }

  @Test
  void subscribe_retainHandlingIfNew_sendsRetainedOnlyTheFirstTime() {
    fixture.publish(null, retained("a/b", "x", Qos.AT_MOST_ONCE));
    Subscription ifNew = new Subscription("a/#", Qos.AT_MOST_ONCE, Subscription.RetainHandling.IF_NEW);

    fixture.subscribe(client, List.of(ifNew));
    assertThat(sink.takeDeliveries()).hasSize(1);
    fixture.subscribe(client, List.of(ifNew));
    assertThat(sink.takeDeliveries()).isEmpty();
    fixture.subscribe(client, "a/#", Qos.AT_MOST_ONCE);
    assertThat(sink.takeDeliveries()).hasSize(1);
  }

  @Test
  void subscribe_wildcardFilter_deliversEveryMatchingRetained() {
    fixture.publish(null, retained("a/b", "1", Qos.AT_MOST_ONCE));
    fixture.publish(null, retained("a/c", "2", Qos.AT_MOST_ONCE));
    fixture.publish(null, retained("b/c", "3", Qos.AT_MOST_ONCE));

    fixture.subscribe(client, "a/+", Qos.AT_LEAST_ONCE);

    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactlyInAnyOrder("1", "2");
  }

  @Test
  void subscribe_sameFilterAgain_replacesQosAndSendsRetainedAgain() {
    fixture.publish(null, retained("a", "x", Qos.EXACTLY_ONCE));
    fixture.subscribe(client, "a", Qos.AT_MOST_ONCE);
    assertThat(sink.takeDeliveries()).hasSize(1);

    fixture.subscribe(client, "a", Qos.AT_LEAST_ONCE);
    assertThat(sink.takeDeliveries()).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo(retained("a", "x", Qos.AT_LEAST_ONCE)));

    fixture.publish(null, message("a", "y", Qos.EXACTLY_ONCE));
    assertThat(sink.takeDeliveries()).singleElement()
        .satisfies(d -> assertThat(d.message().qos()).isEqualTo(Qos.AT_LEAST_ONCE));
  }

  @Test
  void publish_retainedAgain_replacesTheRetainedMessage() {
    fixture.publish(null, retained("a", "old", Qos.AT_MOST_ONCE));
    fixture.publish(null, retained("a", "new", Qos.AT_MOST_ONCE));

    fixture.subscribe(client, "a", Qos.AT_MOST_ONCE);

    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("new");
  }

  @Test
  void publish_emptyRetainedPayload_deletesRetainedAndReachesCurrentSubscribers() {
    fixture.publish(null, retained("a", "x", Qos.AT_MOST_ONCE));
    fixture.subscribe(client, "a", Qos.AT_MOST_ONCE);
    sink.take();

    fixture.publish(null, retained("a", "", Qos.AT_MOST_ONCE));

    assertThat(sink.takeDeliveries()).singleElement().satisfies(d -> {
      assertThat(d.message().payload()).isEmpty();
      assertThat(d.message().retain()).isFalse();
    });
    fixture.subscribe(fixture.connect("late", true, 10, sink), "#", Qos.AT_MOST_ONCE);
    assertThat(sink.take()).isEmpty();
  }

  @Test
  void unsubscribe_exactFilter_stopsDeliveryAndRunsDone() {
    fixture.subscribe(client, "a/+", Qos.AT_MOST_ONCE);
    fixture.subscribe(client, "a/b", Qos.AT_MOST_ONCE);
    List<String> done = new ArrayList<>();

    fixture.broker.unsubscribe(client, List.of("a/+", "not/subscribed"), () -> done.add("done"));

    assertThat(done).containsExactly("done");
    fixture.publish(null, message("a/c", "x", Qos.AT_MOST_ONCE));
    fixture.publish(null, message("a/b", "y", Qos.AT_MOST_ONCE));
    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("y");
  }

  @Test
  void publish_fromConnectedClient_reachesItsOwnMatchingSubscription() {
    fixture.subscribe(client, "echo", Qos.AT_LEAST_ONCE);

    assertThat(fixture.publish(client, message("echo", "x", Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);

    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("x");
  }

  @Test
  void publish_sinkPublishingWhileDelivered_routesBothMessages() {
    RecordingSink echoSink = new RecordingSink() {
      @Override
      public void deliver(Delivery delivery) {
        super.deliver(delivery);
        if (delivery.message().topic().equals("ping")) {
          fixture.broker.publish(null, message("pong", text(delivery), Qos.AT_MOST_ONCE), outcome -> {});
        }
      }
    };
    ClientHandle echo = fixture.connect("echo", true, 10, echoSink);
    fixture.subscribe(echo, "ping", Qos.AT_MOST_ONCE);
    fixture.subscribe(client, "ping", Qos.AT_MOST_ONCE);
    fixture.subscribe(client, "pong", Qos.AT_MOST_ONCE);

    fixture.publish(null, message("ping", "x", Qos.AT_MOST_ONCE));

    assertThat(sink.takeDeliveries()).extracting(d -> d.message().topic()).containsExactlyInAnyOrder("ping", "pong");
  }
}
