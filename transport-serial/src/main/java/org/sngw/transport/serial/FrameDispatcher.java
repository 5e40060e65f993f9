package org.sngw.transport.serial;

import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.transport.SerialPeer;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;
import org.sngw.transport.WirelessNodeId;
import org.sngw.transport.serial.framing.FrameHandler;

/**
 * Hands the frames a reader cut to the listener, addressed by port and radio node, and remembers
 * who was heard so that their loss can be reported when the port goes. Used by the port thread only.
 */
final class FrameDispatcher implements FrameHandler {
  private static final Logger log = LoggerFactory.getLogger(FrameDispatcher.class);

  private final String device;
  private final TransportListener listener;
  private final TransportStats stats;
  private final Set<SerialPeer> heard = new LinkedHashSet<>();

  FrameDispatcher(String device, TransportListener listener, TransportStats stats) {
    this.device = device;
    this.listener = listener;
    this.stats = stats;
  }

  @Override
  public void frame(Optional<WirelessNodeId> radioNode, ByteBuffer frame) {
    SerialPeer peer = new SerialPeer(device, radioNode);
    heard.add(peer);
    stats.received().increment();
    try {
      listener.onFrame(peer, frame);
    } catch (RuntimeException e) {
      // A listener bug on one frame must not take the port away from every other sensor on it.
      stats.listenerErrors().increment();
      log.debug("Serial listener failed on a frame from {}", peer, e);
    }
  }

  @Override
  public void discarded(String reason) {
    stats.discarded().increment();
    log.debug("Serial port {} discarded input: {}", device, reason);
  }

  /** Peers heard since the port opened. */
  int heardCount() {
    return heard.size();
  }

  /** Reports every peer heard since the port opened as lost, and forgets them. */
  void loseAll() {
    for (SerialPeer peer : heard) {
      try {
        listener.onPeerLost(peer);
      } catch (RuntimeException e) {
        stats.listenerErrors().increment();
        log.debug("Serial listener failed on the loss of {}", peer, e);
      }
    }
    heard.clear();
  }
}
