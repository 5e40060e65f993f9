package org.sngw.sn.gateway;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.sngw.sn.codec.SnDecodeResult;
import org.sngw.sn.codec.SnDecoder;
import org.sngw.sn.codec.SnMalformed;
import org.sngw.sn.codec.SnPacket;
import org.sngw.transport.ForwardedPeer;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;
import org.sngw.transport.TransportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on a transport's I/O thread: decodes each frame (a pure function, so it may run here),
 * unwraps forwarder encapsulation into a {@link ForwardedPeer}, and hands the packets to the core
 * in batches: one core task drains everything that arrived while it was queued, so a burst of
 * datagrams costs one handoff, not one per datagram. The backlog is bounded: past it, datagrams
 * are dropped and counted (a sensor resends what needs an answer).
 */
final class SnInbound implements TransportListener {
  private static final Logger log = LoggerFactory.getLogger(SnInbound.class);

  private record Arrival(PeerAddress from, SnPacket packet) {}

  private final SnGateway gateway;
  private final Transport via;
  private final Executor core;
  private final SnStats stats;
  private final int maxBacklog;
  private final ConcurrentLinkedQueue<Arrival> backlog = new ConcurrentLinkedQueue<>();
  private final AtomicInteger backlogSize = new AtomicInteger();
  private final AtomicBoolean drainQueued = new AtomicBoolean();

  SnInbound(SnGateway gateway, Transport via, Executor core, SnStats stats, int maxBacklog) {
    this.gateway = gateway;
    this.via = via;
    this.core = core;
    this.stats = stats;
    this.maxBacklog = maxBacklog;
  }

  @Override
  public void onFrame(PeerAddress from, ByteBuffer frame) {
    stats.bytesReceived.add(frame.remaining());
    SnDecodeResult result = SnDecoder.decode(frame);
    if (result instanceof SnMalformed bad) {
      stats.malformed(bad.reason());
      log.debug("{} sent a malformed frame: {} (offset {})", from, bad.detail(), bad.offset());
    } else if (result instanceof SnPacket.Encapsulated wrapped) {
      handOver(new ForwardedPeer(from, wrapped.node()), wrapped.inner());
    } else if (result instanceof SnPacket packet) {
      handOver(from, packet);
    }
  }

  private void handOver(PeerAddress from, SnPacket packet) {
    if (backlogSize.incrementAndGet() > maxBacklog) {
      backlogSize.decrementAndGet();
      stats.overloadDrops.increment();
      return;
    }
    backlog.add(new Arrival(from, packet));
    // A plain read first: under load a drain is usually queued already, and the read is not a
    // locked instruction as the compare-and-set is.
    if (!drainQueued.get() && drainQueued.compareAndSet(false, true)) {
      core.execute(this::drain);
    }
  }

  /** On the core loop: handles everything queued so far. */
  private void drain() {
    // Cleared first: an arrival after this point queues another drain rather than being missed.
    drainQueued.set(false);
    Arrival arrival;
    while ((arrival = backlog.poll()) != null) {
      backlogSize.decrementAndGet();
      try {
        gateway.handle(via, arrival.from(), arrival.packet());
      } catch (RuntimeException e) {
        // A bug must cost one packet, not the batch behind it or the gateway.
        log.error("handling {} from {} failed", arrival.packet().type(), arrival.from(), e);
      }
    }
  }

  @Override
  public void onPeerLost(PeerAddress peer) {
    core.execute(() -> gateway.peerLost(peer));
  }
}
