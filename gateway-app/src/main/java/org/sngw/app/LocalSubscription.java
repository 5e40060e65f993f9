package org.sngw.app;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sngw.broker.Broker;
import org.sngw.broker.ClientHandle;
import org.sngw.broker.ClientIdentity;
import org.sngw.broker.ConnectRequest;
import org.sngw.broker.Delivery;
import org.sngw.broker.SessionOptions;
import org.sngw.broker.SessionSink;
import org.sngw.broker.Subscription;
import org.sngw.message.Qos;
import org.sngw.runtime.ExtensionContext;

/**
 * An extension's subscription to local topics: a clean session of the gateway's own,
 * {@code $extension/NAME}, at QoS 0, whose deliveries go to the extension on the core loop.
 */
final class LocalSubscription implements SessionSink {
  private static final int WINDOW = 8;

  private final ExtensionContext.MessageReceiver received;

  private LocalSubscription(ExtensionContext.MessageReceiver received) {
    this.received = received;
  }

  /** On the core loop. */
  static void open(Broker broker, String name, String filter, ExtensionContext.MessageReceiver received) {
    ClientHandle handle = broker.connect(new ConnectRequest("$extension/" + name, true, Optional.empty(),
        Duration.ZERO, WINDOW, SessionOptions.ORDINARY, Optional.empty(), ClientIdentity.Origin.GATEWAY),
        new LocalSubscription(received));
    broker.subscribe(handle, List.of(new Subscription(filter, Qos.AT_MOST_ONCE)), granted -> { });
  }

  @Override
  public void deliver(Delivery delivery) {
    received.received(delivery.message().topic(), delivery.message().payload());
  }

  @Override
  public void release(int packetId) {
    // QoS 0 only: nothing is ever released.
  }

  @Override
  public void takenOver() {
    // No one else connects as $extension/NAME: the listeners refuse $ client ids.
  }
}
