package org.sngw.broker;

/**
 * A sink that takes whatever it is sent and never answers: a client that only publishes, or a
 * subscriber that never acknowledges.
 */
public final class IgnoringSink implements SessionSink {
  @Override
  public void deliver(Delivery delivery) {}

  @Override
  public void release(int packetId) {}

  @Override
  public void takenOver() {}
}
