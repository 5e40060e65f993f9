package org.sngw.broker;

import java.util.ArrayList;
import java.util.List;

/** A {@link SessionSink} that records what the broker asks of it, in order. */
class RecordingSink implements SessionSink {
  sealed interface Event permits Deliver, Release, TakenOver {}

  record Deliver(Delivery delivery) implements Event {}

  record Release(int packetId) implements Event {}

  record TakenOver() implements Event {}

  private final List<Event> events = new ArrayList<>();

  @Override
  public void deliver(Delivery delivery) {
    events.add(new Deliver(delivery));
  }

  @Override
  public void release(int packetId) {
    events.add(new Release(packetId));
  }

  @Override
  public void takenOver() {
    events.add(new TakenOver());
  }

  /** Everything recorded since the last call, then forgets it. */
  List<Event> take() {
    List<Event> taken = List.copyOf(events);
    events.clear();
    return taken;
  }

  /** The deliveries recorded since the last take, then forgets everything. */
  List<Delivery> takeDeliveries() {
    List<Delivery> deliveries = new ArrayList<>();
    for (Event event : take()) {
      if (event instanceof Deliver deliver) {
        deliveries.add(deliver.delivery());
      }
    }
    return deliveries;
  }
}
