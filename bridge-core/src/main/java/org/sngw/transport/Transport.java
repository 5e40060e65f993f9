package org.sngw.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A way to reach sensors. Implementations own their I/O threads and no session state; the core
 * picks transports at runtime and addresses every frame with the {@link PeerAddress} it came from.
 */
public interface Transport extends AutoCloseable {
  /** Short name for logs and metrics, e.g. {@code udp} or {@code serial:/dev/ttyUSB0}. */
  String name();

  /**
   * Binds or opens the underlying resource and starts delivering frames to the listener.
   *
   * @throws TransportException when the resource cannot be had (port in use, device missing and
   *     not retried by this transport), with a message naming it
   */
  void start(TransportListener listener) throws TransportException;

  /**
   * Queues one frame for a peer. Never blocks the caller: when the transport's bounded queue is
   * full the frame is dropped and counted. The buffer is owned by the transport after the call.
   */
  void send(PeerAddress to, ByteBuffer frame);

  /** Whether {@link #broadcast} reaches anything on this transport. */
  boolean canBroadcast();

  /** Sends a frame to every sensor the transport can reach at once (ADVERTISE, GWINFO). */
  void broadcast(ByteBuffer frame);

  /** Largest frame this transport carries in one piece. */
  int maxFrameSize();

  /** What this transport counts; the gateway publishes it as metrics. */
  TransportStats stats();

  /** The socket address sensors reach, for transports bound to one once started; else empty. */
  default Optional<InetSocketAddress> localAddress() {
    return Optional.empty();
  }

  /** Stops I/O and releases the resource; idempotent. */
  @Override
  void close();
}
