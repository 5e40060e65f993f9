package org.sngw.sim;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.sngw.broker.Broker;
import org.sngw.broker.ClientHandle;
import org.sngw.broker.ConnectRequest;
import org.sngw.broker.Delivery;
import org.sngw.broker.SessionSink;
import org.sngw.broker.Subscription;
import org.sngw.broker.topic.Topics;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.time.VirtualTime;

/**
 * An application on the MQTT side (a dashboard, Node-RED), attached to the broker in-process, as
 * an MQTT 3.1.1 or an MQTT 5 client (its window its Receive Maximum; every delivery must carry the
 * identifiers of the subscriptions it matched, and a 3.1.1 one none): subscribes at the start, acknowledges each delivery at its {@link Scenario.Pace}, and records
 * what it receives, suppressing QoS 2 resends as an MQTT client must. A vanished one disconnects
 * right after subscribing and never comes back.
 */
final class MqttSubscriber implements SessionSink {
  private static final int INFLIGHT_WINDOW = 32;

  private final String name;
  private final List<Subscription> subscriptions;
  private final Scenario.Pace pace;
  private final int receiveMaximum;
  private final Broker broker;
  private final VirtualTime time;
  private final SplittableRandom random;
  private final Ledger ledger;
  private final Set<Integer> awaitingRelease = new HashSet<>();
  private ClientHandle handle;

  MqttSubscriber(
      Scenario.App app, Broker broker, VirtualTime time, SplittableRandom random, Ledger ledger) {
    this.name = app.name();
    this.subscriptions = List.copyOf(app.subscriptions());
    this.pace = app.pace();
    this.receiveMaximum = app.receiveMaximum();
    this.broker = broker;
    this.time = time;
    this.random = random;
    this.ledger = ledger;
  }

  String name() {
    return name;
  }

  List<Subscription> subscriptions() {
    return subscriptions;
  }

  Scenario.Pace pace() {
    return pace;
  }

  void start() {
    boolean vanishes = pace == Scenario.Pace.VANISHED;
    int window = pace == Scenario.Pace.SLOW ? 1 : receiveMaximum > 0 ? receiveMaximum : INFLIGHT_WINDOW;
    handle = broker.connect(new ConnectRequest(name, !vanishes, Optional.empty(), Duration.ZERO, window), this);
    broker.subscribe(handle, subscriptions, granted -> { });
    if (vanishes) {
      broker.disconnect(handle, false);
    }
  }

  @Override
  public void deliver(Delivery delivery) {
    Message message = delivery.message();
    int packetId = delivery.packetId();
    if (message.qos() != Qos.EXACTLY_ONCE || awaitingRelease.add(packetId)) {
      ledger.received(name, message, message.retain(), time.nanos());
    }
    List<Integer> identifiers = identifiersFor(message.topic());
    if (!message.properties().subscriptionIdentifiers().equals(identifiers)) {
      ledger.error(name + " got " + message.topic() + " with subscription identifiers "
          + message.properties().subscriptionIdentifiers() + ", not " + identifiers);
    }
    switch (message.qos()) {
      case AT_MOST_ONCE -> { }
      case AT_LEAST_ONCE -> later(() -> broker.acknowledged(handle, packetId));
      case EXACTLY_ONCE -> later(() -> broker.received(handle, packetId));
    }
  }

  /** MQTT 5: the identifiers of every subscription the topic matches, in order; none for 3.1.1. */
  private List<Integer> identifiersFor(String topic) {
    return subscriptions.stream()
        .filter(subscription -> subscription.identifier() != 0 && Topics.matches(subscription.filter(), topic))
        .map(Subscription::identifier)
        .sorted()
        .toList();
  }

  @Override
  public void release(int packetId) {
    awaitingRelease.remove(packetId);
    later(() -> broker.completed(handle, packetId));
  }

  @Override
  public void takenOver() {
    ledger.error(name + " was taken over, yet no one else uses its client id");
  }

  private void later(Runnable answer) {
    int millis = pace == Scenario.Pace.SLOW ? 300 + random.nextInt(2700) : 1 + random.nextInt(50);
    time.schedule(Duration.ofMillis(millis), answer);
  }
}
