package org.sngw.sim;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sngw.broker.Broker;
import org.sngw.broker.ConnectRequest;
import org.sngw.broker.Delivery;
import org.sngw.broker.SessionSink;
import org.sngw.broker.Subscription;
import org.sngw.message.Qos;

/**
 * Subscribes to {@code #} at QoS 0 before anything is published. The broker hands a QoS 0 message to
 * a connected sink inside its routing call, so this sees every message the broker routes, once per
 * routing, in routing order: the order in which retained writes take effect and wills fire.
 */
final class RoutingWatcher implements SessionSink {
  private final Ledger ledger;

  private RoutingWatcher(Ledger ledger) {
    this.ledger = ledger;
  }

  static void attach(Broker broker, Ledger ledger) {
    RoutingWatcher watcher = new RoutingWatcher(ledger);
    var handle = broker.connect(new ConnectRequest("sim-routing-watcher", true, Optional.empty(), Duration.ZERO, 1), watcher);
    broker.subscribe(handle, List.of(new Subscription("#", Qos.AT_MOST_ONCE)), granted -> { });
  }

  @Override
  public void deliver(Delivery delivery) {
    ledger.routed(delivery.message());
  }

  @Override
  public void release(int packetId) {}

  @Override
  public void takenOver() {
    ledger.error("the routing watcher was taken over");
  }
}
