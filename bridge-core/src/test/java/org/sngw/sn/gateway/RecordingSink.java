package org.sngw.sn.gateway;

import java.util.ArrayList;
import java.util.List;
import org.sngw.broker.Delivery;
import org.sngw.broker.SessionSink;

/** An MQTT-side client of the broker that records what it is sent. */
final class RecordingSink implements SessionSink {
  final List<Delivery> deliveries = new ArrayList<>();
  final List<Integer> releases = new ArrayList<>();
  boolean takenOver;

  @Override
  public void deliver(Delivery delivery) {
    deliveries.add(delivery);
  }

  @Override
  public void release(int packetId) {
    releases.add(packetId);
  }

  @Override
  public void takenOver() {
    takenOver = true;
  }
}
