package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.MAX_QUEUED;
import static org.sngw.broker.BrokerFixture.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sngw.broker.RecordingSink.Deliver;
import org.sngw.broker.RecordingSink.Release;
import org.sngw.message.Qos;

class BrokerCoreQosFlowTest {
  private final BrokerFixture fixture = new BrokerFixture();
  private final BrokerCore broker = fixture.broker;
  private final RecordingSink sink = new RecordingSink();

  @Test
  void acknowledged_windowOfOneWithThreeQueued_sendsNextOneAtATimeInOrder() {
    ClientHandle client = subscribed("c", false, 1, Qos.AT_LEAST_ONCE);
    for (String text : List.of("1", "2", "3", "4")) {
      fixture.publish(null, message("a", text, Qos.AT_LEAST_ONCE));
    }
    assertThat(sink.takeDeliveries()).containsExactly(delivery(1, "1", Qos.AT_LEAST_ONCE));

    broker.acknowledged(client, 1);
    assertThat(sink.takeDeliveries()).containsExactly(delivery(2, "2", Qos.AT_LEAST_ONCE));
    broker.acknowledged(client, 1);
    assertThat(sink.take()).as("a repeated PUBACK frees nothing").isEmpty();
    broker.acknowledged(client, 2);
    assertThat(sink.takeDeliveries()).containsExactly(delivery(3, "3", Qos.AT_LEAST_ONCE));
    broker.acknowledged(client, 3);
    assertThat(sink.takeDeliveries()).containsExactly(delivery(4, "4", Qos.AT_LEAST_ONCE));
    broker.acknowledged(client, 4);
    assertThat(sink.take()).isEmpty();
  }

  @Test
  void publish_windowFull_qos0StillGoesStraightThrough() {
    subscribed("c", true, 1, Qos.AT_LEAST_ONCE);
    fixture.publish(null, message("a", "1", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("a", "2", Qos.AT_LEAST_ONCE));

    fixture.publish(null, message("a", "fast", Qos.AT_MOST_ONCE));

    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("1", "fast");
  }

  @Test
  void publish_subscriberQueueFull_dropsItsOldestButOthersGetEverything() {
    ClientHandle slow = subscribed("slow", true, 1, Qos.AT_LEAST_ONCE);
    RecordingSink otherSink = new RecordingSink();
    ClientHandle other = fixture.connect("other", true, 100, otherSink);
    fixture.subscribe(other, "a", Qos.AT_LEAST_ONCE);
    for (int i = 0; i < 1 + MAX_QUEUED; i++) {
      assertThat(fixture.publish(null, message("a", "m" + i, Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);
    }

    assertThat(fixture.publish(null, message("a", "over", Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);

    assertThat(otherSink.takeDeliveries()).hasSize(2 + MAX_QUEUED);
    assertThat(broker.droppedByClient()).containsExactly(Map.entry("slow", 1L));
    broker.acknowledged(slow, sink.takeDeliveries().get(0).packetId());
    broker.acknowledged(slow, sink.takeDeliveries().get(0).packetId());
    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("m3");
  }

  @Test
  void publish_offlineSessionQueueFull_dropsItsOldest() {
    ClientHandle client = subscribed("c", false, 1, Qos.AT_LEAST_ONCE);
    broker.disconnect(client, true);
    for (int i = 0; i < MAX_QUEUED; i++) {
      fixture.publish(null, message("a", "m" + i, Qos.AT_LEAST_ONCE));
    }

    assertThat(fixture.publish(null, message("a", "over", Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);

    fixture.connect("c", false, 10, sink);
    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("m1", "m2", "over");
    assertThat(broker.droppedMessages()).isEqualTo(1);
  }

  @Test
  void outgoingQos2_receivedThenCompleted_releasesThenFreesTheWindow() {
    ClientHandle client = subscribed("c", true, 1, Qos.EXACTLY_ONCE);
    fixture.publish(null, message("a", "1", Qos.EXACTLY_ONCE));
    fixture.publish(null, message("a", "2", Qos.EXACTLY_ONCE));
    assertThat(sink.takeDeliveries()).containsExactly(delivery(1, "1", Qos.EXACTLY_ONCE));

    broker.acknowledged(client, 1);
    assertThat(sink.take()).as("PUBACK does not finish a QoS 2 delivery").isEmpty();
    broker.received(client, 1);
    assertThat(sink.take()).containsExactly(new Release(1));
    broker.received(client, 1);
    assertThat(sink.take()).as("a repeated PUBREC is answered again").containsExactly(new Release(1));
    broker.completed(client, 1);
    assertThat(sink.takeDeliveries()).containsExactly(delivery(2, "2", Qos.EXACTLY_ONCE));
    broker.completed(client, 1);
    broker.received(client, 9);
    assertThat(sink.take()).isEmpty();
  }

  @Test
  void connect_resumedSession_resendsInFlightWithDupThenReleasesThenQueue() {
    ClientHandle client = subscribed("c", false, 3, Qos.EXACTLY_ONCE);
    for (String text : List.of("1", "2", "3", "4", "5")) {
      fixture.publish(null, message("a", text, Qos.EXACTLY_ONCE));
    }
    broker.received(client, 2);
    broker.received(client, 1);
    sink.take();
    broker.disconnect(client, false);
    fixture.publish(null, message("a", "6", Qos.AT_MOST_ONCE));

    fixture.connect("c", false, 4, sink);

    assertThat(sink.take()).containsExactly(
        new Deliver(new Delivery(3, true, message("a", "3", Qos.EXACTLY_ONCE))),
        new Release(2),
        new Release(1),
        new Deliver(delivery(4, "4", Qos.EXACTLY_ONCE)));
  }

  @Test
  void publishExactlyOnce_resendBeforeRelease_isAcceptedButNotRoutedAgain() {
    subscribed("sub", true, 10, Qos.EXACTLY_ONCE);
    ClientHandle sender = fixture.connect("sender", false, 1, new RecordingSink());
    List<PublishOutcome> outcomes = new ArrayList<>();

    broker.publishExactlyOnce(sender, 5, message("a", "x", Qos.EXACTLY_ONCE), outcomes::add);
    broker.publishExactlyOnce(sender, 5, message("a", "x", Qos.EXACTLY_ONCE), outcomes::add);

    assertThat(outcomes).containsExactly(PublishOutcome.ACCEPTED, PublishOutcome.ACCEPTED);
    assertThat(sink.takeDeliveries()).hasSize(1);

    broker.releaseInbound(sender, 5);
    broker.publishExactlyOnce(sender, 5, message("a", "y", Qos.EXACTLY_ONCE), outcomes::add);
    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("y");
  }

  @Test
  void publishExactlyOnce_idRememberedAcrossPersistentReconnect_isNotRoutedAgain() {
    subscribed("sub", true, 10, Qos.EXACTLY_ONCE);
    ClientHandle sender = fixture.connect("sender", false, 1, new RecordingSink());
    broker.publishExactlyOnce(sender, 5, message("a", "x", Qos.EXACTLY_ONCE), outcome -> {});
    broker.disconnect(sender, false);
    ClientHandle resumed = fixture.connect("sender", false, 1, new RecordingSink());
    List<PublishOutcome> outcomes = new ArrayList<>();

    broker.publishExactlyOnce(resumed, 5, message("a", "x", Qos.EXACTLY_ONCE), outcomes::add);

    assertThat(outcomes).containsExactly(PublishOutcome.ACCEPTED);
    assertThat(sink.takeDeliveries()).hasSize(1);
  }

  @Test
  void publishExactlyOnce_invalidTopic_isRefusedAndIdStaysFree() {
    subscribed("sub", true, 10, Qos.EXACTLY_ONCE);
    ClientHandle sender = fixture.connect("sender", true, 1, new RecordingSink());
    List<PublishOutcome> outcomes = new ArrayList<>();

    broker.publishExactlyOnce(sender, 5, message("a/#", "x", Qos.EXACTLY_ONCE), outcomes::add);
    broker.publishExactlyOnce(sender, 5, message("a", "x", Qos.EXACTLY_ONCE), outcomes::add);

    assertThat(outcomes).containsExactly(PublishOutcome.INVALID_TOPIC, PublishOutcome.ACCEPTED);
    assertThat(sink.takeDeliveries()).hasSize(1);
  }

  @Test
  void acknowledged_packetIdsWrapAround_skipIdsStillInUse() {
    ClientHandle client = subscribed("c", true, 2, Qos.AT_LEAST_ONCE);
    fixture.publish(null, message("a", "held", Qos.AT_LEAST_ONCE));
    assertThat(sink.takeDeliveries()).extracting(Delivery::packetId).containsExactly(1);

    for (int expected = 2; expected <= 0xFFFF; expected++) {
      fixture.publish(null, message("a", "m", Qos.AT_LEAST_ONCE));
      List<Delivery> sent = sink.takeDeliveries();
      assertThat(sent).hasSize(1);
      assertThat(sent.get(0).packetId()).isEqualTo(expected);
      broker.acknowledged(client, expected);
    }
    fixture.publish(null, message("a", "wrapped", Qos.AT_LEAST_ONCE));

    assertThat(sink.takeDeliveries()).extracting(Delivery::packetId).containsExactly(2);
  }

  private ClientHandle subscribed(String clientId, boolean cleanSession, int window, Qos qos) {
    ClientHandle client = fixture.connect(clientId, cleanSession, window, sink);
    fixture.subscribe(client, "a", qos);
    return client;
  }

  private static Delivery delivery(int packetId, String text, Qos qos) {
    return new Delivery(packetId, false, message("a", text, qos));
  }
}
