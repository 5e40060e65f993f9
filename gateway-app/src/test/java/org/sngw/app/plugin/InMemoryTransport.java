package org.sngw.app.plugin;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;

/**
 * Sensors that are method calls: the test hands frames in with {@link #receive} and takes what the
 * gateway sent from {@link #sent}. Registered by name while started, so a test can reach the
 * instance the gateway opened from its config file.
 */
final class InMemoryTransport implements Transport {
  private static final Map<String, InMemoryTransport> STARTED = new ConcurrentHashMap<>();

  /** A sensor of this transport. */
  record Sensor(String id) implements PeerAddress {}

  /** A frame the gateway sent, with whom it went to. */
  record Sent(PeerAddress to, byte[] frame) {}

  private final String name;
  private final TransportStats stats;
  private final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
  private volatile TransportListener listener;

  InMemoryTransport(String name) {
    this.name = name;
    this.stats = new TransportStats("memory", Optional.of(new TransportStats.Tag("name", name)));
  }

  /** The started transport of this name, if the gateway opened one. */
  static Optional<InMemoryTransport> named(String name) {
    return Optional.ofNullable(STARTED.get(name));
  }

  /** A frame from a sensor, delivered as a real transport's I/O thread would. */
  void receive(Sensor from, byte[] frame) {
    stats.received().increment();
    listener.onFrame(from, ByteBuffer.wrap(frame));
  }

  BlockingQueue<Sent> sent() {
    return sent;
  }

  @Override
  public String name() {
    return "memory:" + name;
  }

  @Override
  public void start(TransportListener newListener) {
    listener = Objects.requireNonNull(newListener, "listener");
    STARTED.put(name, this);
  }

  @Override
  public void send(PeerAddress to, ByteBuffer frame) {
    byte[] bytes = new byte[frame.remaining()];
    frame.get(bytes);
    sent.add(new Sent(to, bytes));
    stats.sent().increment();
  }

  @Override
  public boolean canBroadcast() {
    return false;
  }

  @Override
  public void broadcast(ByteBuffer frame) {
    stats.dropped().increment();
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
  public void close() {
    STARTED.remove(name, this);
  }
}
