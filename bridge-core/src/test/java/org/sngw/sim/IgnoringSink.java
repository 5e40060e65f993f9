package org.sngw.sim;

import org.sngw.broker.Delivery;
import org.sngw.broker.SessionSink;

/** The sink of a client that only publishes: it subscribes to nothing, so nothing arrives. */
final class IgnoringSink implements SessionSink {
  @Override
  public void deliver(Delivery delivery) {}

  @Override
  public void release(int packetId) {}

  @Override
  public void takenOver() {}
}
