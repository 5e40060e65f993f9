package org.sngw.bench.hotpath;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;

/**
 * A transport without a medium: {@link #receive} hands a frame to the gateway's listener on the
 * caller's thread, as a transport's I/O thread does, and every frame the gateway sends goes to
 * {@code sent} on the gateway's thread. It neither copies nor queues anything.
 */
final class MemoryTransport implements Transport {
  private final TransportStats stats = new TransportStats("memory", Optional.empty());
  private final BiConsumer<PeerAddress, ByteBuffer> sent;
  private TransportListener listener;

  MemoryTransport(BiConsumer<PeerAddress, ByteBuffer> sent) {
    this.sent = sent;
  }

  void receive(PeerAddress from, ByteBuffer frame) {
    listener.onFrame(from, frame);
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public void start(TransportListener listener) {
    this.listener = listener;
  }

  @Override
  public void send(PeerAddress to, ByteBuffer frame) {
    sent.accept(to, frame);
  }

  @Override
  public boolean canBroadcast() {
    return false;
  }

  @Override
  public void broadcast(ByteBuffer frame) {
    throw new UnsupportedOperationException("nothing to broadcast to in memory");
  }

  @Override
  public int maxFrameSize() {
    return 0xFFFF;
  }

  @Override
  public TransportStats stats() {
    return stats;
  }

  @Override
  public void close() {}
}
