package org.sngw.transport.ble;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.sn.framing.FrameSink;
import org.sngw.sn.framing.LengthFramer;
import org.sngw.time.Clock;
import org.sngw.transport.BlePeer;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;
import org.sngw.transport.ble.central.BleConnection;

/**
 * One connected device: its notifications cut into frames by a framer of its own (so chunks of two
 * devices never mix) and handed to the listener, and its {@link Outbox}. Used on the loop, except
 * {@link #outbox()}, which callers of send reach from their threads.
 */
final class Link implements FrameSink {
  private static final Logger log = LoggerFactory.getLogger(Link.class);
  /**
   * How long a partial frame waits for its next chunk: longer than the longest BLE connection
   * interval (4 s), since a battery sensor may spread one frame over several connection events. The
   * link itself loses no bytes, and a sensor reset ends the link and so this framer, so there is
   * little garbage to resynchronise after.
   */
  static final Duration CHUNK_TIMEOUT = Duration.ofSeconds(5);

  private final BlePeer peer;
  private final BleConnection connection;
  private final LengthFramer framer;
  private final Outbox outbox;
  private final TransportListener listener;
  private final Clock clock;
  private final TransportStats stats;
  private final long connectedAtNanos;
  private boolean open = true;
  private boolean heard;

  Link(BlePeer peer, BleConnection connection, int maxFrameSize, Outbox outbox, TransportListener listener,
      Clock clock, TransportStats stats) {
    this.peer = peer;
    this.connection = connection;
    this.framer = new LengthFramer(maxFrameSize, CHUNK_TIMEOUT);
    this.outbox = outbox;
    this.listener = listener;
    this.clock = clock;
    this.stats = stats;
    this.connectedAtNanos = clock.nanos();
  }

  BlePeer peer() {
    return peer;
  }

  BleConnection connection() {
    return connection;
  }

  Outbox outbox() {
    return outbox;
  }

  /** Whether a complete frame came in over this link: a sensor that talked, not just a connection. */
  boolean heard() {
    return heard;
  }

  long connectedAtNanos() {
    return connectedAtNanos;
  }

  /** One notification's bytes; ignored once the link is closed, as callbacks may still be queued. */
  void received(byte[] chunk) {
    if (open) {
      framer.feed(ByteBuffer.wrap(chunk), clock.nanos(), this);
    }
  }

  /** Stops taking notifications and drops what waits to be written. */
  void close() {
    open = false;
    outbox.close();
  }

  @Override
  public void frame(ByteBuffer frame) {
    heard = true;
    stats.received().increment();
    try {
      listener.onFrame(peer, frame);
    } catch (RuntimeException e) {
      // A listener bug on one frame must not cut the sensor's stream.
      stats.listenerErrors().increment();
      log.debug("BLE listener failed on a frame from {}", peer, e);
    }
  }

  @Override
  public void discarded(String reason) {
    stats.discarded().increment();
    log.debug("BLE device {}: input discarded: {}", peer.deviceAddress(), reason);
  }
}
