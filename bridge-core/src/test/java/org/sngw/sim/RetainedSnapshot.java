package org.sngw.sim;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sngw.broker.Broker;
import org.sngw.broker.ConnectRequest;
import org.sngw.broker.Delivery;
import org.sngw.broker.SessionSink;
import org.sngw.broker.Subscription;
import org.sngw.message.Qos;

/** What a client subscribing to {@code #} at the end is given as retained: topic to payload. */
final class RetainedSnapshot implements SessionSink {
  private final Map<String, String> retained = new TreeMap<>();

  static Map<String, String> take(Broker broker) {
    RetainedSnapshot snapshot = new RetainedSnapshot();
    var handle = broker.connect(new ConnectRequest("sim-retained-check", true, Optional.empty(), Duration.ZERO, 1), snapshot);
    broker.subscribe(handle, List.of(new Subscription("#", Qos.AT_MOST_ONCE)), granted -> { });
    broker.disconnect(handle, true);
    return snapshot.retained;
  }

  @Override
  public void deliver(Delivery delivery) {
    if (delivery.message().retain()) {
      retained.put(delivery.message().topic(), Ledger.text(delivery.message().payload()));
    }
  }

  @Override
  public void release(int packetId) {}

  @Override
  public void takenOver() {}
}
