package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/**
 * A subscriber whose queue is full holds its publishers' answers back until it has drained to half
 * its bounds (so publishers resume in a batch, not one per acknowledgement), for at most the hold
 * time, then falls behind and loses its own oldest messages; it never gets a publisher refused, and the
 * others see nothing of it. Queues of 2 messages, a window of 1, a hold time of 2 s.
 */
class BrokerCoreBackpressureTest {
  private static final Duration HOLD = Duration.ofSeconds(2);
  private static final BrokerConfig CONFIG = new BrokerConfig(2, 32, 1024).withBackpressureHold(HOLD);

  private final VirtualTime time = new VirtualTime();
  private final MapStateStore store = new MapStateStore();
  private final BrokerFixture fixture = new BrokerFixture(CONFIG, store, time);
  private final BrokerCore broker = fixture.broker;
  private final RecordingSink slowSink = new RecordingSink();
  private final RecordingSink sensorSink = new RecordingSink();
  private final List<PublishOutcome> answers = new ArrayList<>();

  @Test
  void fullQueue_holdsTheAnswerUntilTheSubscriberHasDrainedToHalf_andLosesNothing() {
    ClientHandle slow = subscriber("slow", true);
    ClientHandle sensor = fixture.connect("sensor", true, 1, sensorSink);
    fill(sensor);

    publish(sensor, "over");
    assertThat(answers).as("held: the queue is over its bounds").hasSize(3);

    acknowledgeNext(slow);
    assertThat(answers).as("back within its bounds, not yet at half").hasSize(3);
    acknowledgeNext(slow);
    assertThat(answers).containsOnly(PublishOutcome.ACCEPTED).hasSize(4);
    assertThat(receivedAfterAcks(slow)).containsExactly("m2", "over");
    assertThat(broker.droppedMessages()).isZero();
    assertThat(broker.behindEvents()).isZero();
  }

  @Test
  void subscriberStillFullAfterTheHoldTime_isBehind_dropsItsOldest_andTheAnswerGoes() {
    ClientHandle slow = subscriber("slow", true);
    ClientHandle sensor = sensorHeldBack();

    time.advance(HOLD);

    assertThat(answers).containsOnly(PublishOutcome.ACCEPTED).hasSize(4);
    assertThat(broker.behindEvents()).isEqualTo(1);
    assertThat(broker.droppedByClient()).containsExactly(Map.entry("slow", 1L));
    publish(sensor, "later");
    assertThat(answers).as("behind: no more holding, its oldest go at once").hasSize(5);
    assertThat(broker.droppedByClient()).containsExactly(Map.entry("slow", 2L));
    assertThat(receivedAfterAcks(slow)).containsExactly("m0", "over", "later");
  }

  @Test
  void subscriberBehindThatCatchesUp_isHeldForAgainLater() {
    ClientHandle slow = subscriber("slow", true);
    ClientHandle sensor = sensorHeldBack();
    time.advance(HOLD);
    receivedAfterAcks(slow);

    fill(sensor);
    publish(sensor, "over again");

    assertThat(answers).as("drained to half its bounds, it holds again").hasSize(7);
    acknowledgeNext(slow);
    acknowledgeNext(slow);
    assertThat(answers).hasSize(8);
  }

  @Test
  void heldAnswer_keepsThePublishersOrder_behindItLaterPublishesWait() {
    subscriber("slow", true);
    ClientHandle sensor = sensorHeldBack();

    List<String> order = new ArrayList<>();
    broker.publish(sensor, message("elsewhere", "free", Qos.AT_LEAST_ONCE), outcome -> order.add("free"));
    assertThat(order).as("waits behind the held answer").isEmpty();

    time.advance(HOLD);
    assertThat(order).containsExactly("free");
    assertThat(answers).hasSize(4);
  }

  @Test
  void otherPublishers_areNotHeldByAFullSubscriberTheyDoNotReach() {
    subscriber("slow", true);
    ClientHandle sensor = sensorHeldBack();

    RecordingSink otherSink = new RecordingSink();
    ClientHandle other = fixture.connect("other", true, 1, otherSink);
    List<PublishOutcome> otherAnswers = new ArrayList<>();
    broker.publish(other, message("elsewhere", "x", Qos.AT_LEAST_ONCE), otherAnswers::add);

    assertThat(otherAnswers).containsExactly(PublishOutcome.ACCEPTED);
  }

  @Test
  void publishersThatKeepSending_neverQueueMoreThanTwiceTheBounds() {
    ClientHandle slow = subscriber("slow", true);
    for (int i = 0; i < 10; i++) {
      ClientHandle sensor = fixture.connect("sensor-" + i, true, 1, new RecordingSink());
      publish(sensor, "m" + i);
    }

    assertThat(broker.droppedByClient()).as("1 in flight, 4 queued, the rest dropped")
        .containsExactly(Map.entry("slow", 5L));
    assertThat(receivedAfterAcks(slow)).containsExactly("m0", "m6", "m7", "m8", "m9");
    assertThat(answers).as("each released as the queue came back within its bounds").hasSize(10);
  }

  @Test
  void heldSubscriberDisconnecting_releasesTheAnswers_andKeepsWhatFitsItsBounds() {
    ClientHandle slow = subscriber("slow", false);
    ClientHandle sensor = sensorHeldBack();

    broker.disconnect(slow, true);

    assertThat(answers).containsOnly(PublishOutcome.ACCEPTED).hasSize(4);
    assertThat(StoredSessions.of(store, "slow").outbound()).hasSize(3).as("m0 in flight, then m2 and over");
    assertThat(broker.droppedByClient()).containsExactly(Map.entry("slow", 1L));
    time.advance(HOLD);
    assertThat(broker.behindEvents()).as("the hold ended with the connection").isZero();
  }

  @Test
  void exactlyOnce_toAFullSubscriber_isHeldNotRefused() {
    subscriber("slow", true);
    ClientHandle sensor = fixture.connect("sensor", true, 1, sensorSink);
    fill(sensor);

    broker.publishExactlyOnce(sensor, 9, message("a", "two", Qos.EXACTLY_ONCE), answers::add);
    assertThat(answers).hasSize(3);

    time.advance(HOLD);
    assertThat(answers).containsOnly(PublishOutcome.ACCEPTED).hasSize(4);
    assertThat(broker.refusedMessages()).isZero();
  }

  @Test
  void inMemoryBroker_hasNoHoldTime_andDropsAtOnce() {
    BrokerCore inMemory = new BrokerCore(CONFIG);
    RecordingSink sink = new RecordingSink();
    ClientHandle slow = inMemory.connect(new ConnectRequest("slow", true, Optional.empty(), Duration.ZERO, 1), sink);
    inMemory.subscribe(slow, List.of(new Subscription("a", Qos.AT_LEAST_ONCE)), granted -> { });
    for (int i = 0; i < 4; i++) {
      inMemory.publish(null, message("a", "m" + i, Qos.AT_LEAST_ONCE), answers::add);
    }

    assertThat(answers).containsOnly(PublishOutcome.ACCEPTED).hasSize(4);
    assertThat(inMemory.droppedByClient()).containsExactly(Map.entry("slow", 1L));
  }

  /** A subscriber on "a" with a window of 1. */
  private ClientHandle subscriber(String clientId, boolean cleanSession) {
    ClientHandle client = fixture.connect(clientId, cleanSession, 1, slowSink);
    fixture.subscribe(client, "a", Qos.AT_LEAST_ONCE);
    return client;
  }

  /** A sensor that filled the slow subscriber's queue and published "over": that answer is held. */
  private ClientHandle sensorHeldBack() {
    ClientHandle sensor = fixture.connect("sensor", true, 1, sensorSink);
    fill(sensor);
    publish(sensor, "over");
    assertThat(answers).hasSize(3);
    return sensor;
  }

  /** m0 in flight to the slow subscriber, m1 and m2 filling its queue: all answered at once. */
  private void fill(ClientHandle sensor) {
    int before = answers.size();
    for (String text : List.of("m0", "m1", "m2")) {
      publish(sensor, text);
    }
    assertThat(answers.subList(before, answers.size())).containsExactly(
        PublishOutcome.ACCEPTED, PublishOutcome.ACCEPTED, PublishOutcome.ACCEPTED);
  }

  private void publish(ClientHandle from, String text) {
    broker.publish(from, message("a", text, Qos.AT_LEAST_ONCE), answers::add);
  }

  private void acknowledgeNext(ClientHandle slow) {
    List<Delivery> deliveries = slowSink.takeDeliveries();
    assertThat(deliveries).hasSize(1);
    broker.acknowledged(slow, deliveries.get(0).packetId());
  }

  /** Acknowledges every delivery to the slow subscriber until none is left; returns their texts. */
  private List<String> receivedAfterAcks(ClientHandle slow) {
    List<String> texts = new ArrayList<>();
    for (List<Delivery> next; !(next = slowSink.takeDeliveries()).isEmpty(); ) {
      for (Delivery delivery : next) {
        texts.add(BrokerFixture.text(delivery));
        broker.acknowledged(slow, delivery.packetId());
      }
    }
    return texts;
  }
}
