package org.sngw.broker;

import java.util.concurrent.atomic.LongAdder;

/** A connection's sink that also counts the PUBLISHes sent through it, for the broker's totals. */
final class CountedSink implements SessionSink {
  private final SessionSink sink;
  private final LongAdder sent;

  CountedSink(SessionSink sink, LongAdder sent) {
    this.sink = sink;
    this.sent = sent;
  }

  @Override
  public void deliver(Delivery delivery) {
    sent.increment();
    sink.deliver(delivery);
  }

  @Override
  public void release(int packetId) {
    sink.release(packetId);
  }

  @Override
  public void takenOver() {
    sink.takenOver();
  }
}
