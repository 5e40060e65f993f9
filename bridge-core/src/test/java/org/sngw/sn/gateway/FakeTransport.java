package org.sngw.sn.gateway;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;

/** A transport in memory: records what the gateway sends and lets a test inject frames. */
final class FakeTransport implements Transport {
  private final TransportStats stats = new TransportStats("fake", Optional.empty());
  record Sent(PeerAddress to, ByteBuffer frame) {}

  final List<Sent> sent = new ArrayList<>();
  TransportListener listener;

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public void start(TransportListener listener) {
    this.listener = listener;
  }

  @Override
  public void send(PeerAddress to, ByteBuffer frame) {
    sent.add(new Sent(to, frame));
  }

  @Override
  public boolean canBroadcast() {
    return false;
  }

  @Override
  public void broadcast(ByteBuffer frame) {
    throw new AssertionError("the gateway broadcast without being asked to");
  }

  @Override
  public int maxFrameSize() {
    return 1024;
  }

  @Override
  public TransportStats stats() {
    return stats;
  }

  @Override
  public void close() {}
}
