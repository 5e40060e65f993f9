package org.sngw.sn.gateway;

import java.nio.ByteBuffer;
import org.sngw.runtime.CoreExecutor;
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
 * unwraps forwarder encapsulation into a {@link ForwardedPeer}, and hands the packet to the core.
 */
final class SnInbound implements TransportListener {
  private static final Logger log = LoggerFactory.getLogger(SnInbound.class);

  private final SnGateway gateway;
  private final Transport via;
  private final CoreExecutor core;
  private final SnStats stats;

  SnInbound(SnGateway gateway, Transport via, CoreExecutor core, SnStats stats) {
    this.gateway = gateway;
    this.via = via;
    this.core = core;
    this.stats = stats;
  }

  @Override
  public void onFrame(PeerAddress from, ByteBuffer frame) {
    SnDecodeResult result = SnDecoder.decode(frame);
    if (result instanceof SnMalformed bad) {
      stats.malformedFrames.increment();
      log.debug("{} sent a malformed frame: {} (offset {})", from, bad.reason(), bad.offset());
    } else if (result instanceof SnPacket.Encapsulated wrapped) {
      handOver(new ForwardedPeer(from, wrapped.node()), wrapped.inner());
    } else if (result instanceof SnPacket packet) {
      handOver(from, packet);
    }
  }

  private void handOver(PeerAddress from, SnPacket packet) {
    if (!core.tryExecute(() -> gateway.handle(via, from, packet))) {
      stats.overloadDrops.increment();
    }
  }

  @Override
  public void onPeerLost(PeerAddress peer) {
    core.execute(() -> gateway.peerLost(peer));
  }
}
