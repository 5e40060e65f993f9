package org.sngw.app;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.sngw.events.GatewayEvents;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;
import org.sngw.transport.TransportException;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;

/**
 * A transport whose frames in and out are told to the gateway's events (the traffic LED);
 * everything else passes straight through. Used only when something listens, so a
 * gateway without extensions keeps its transports undecorated.
 */
final class ObservedTransport implements Transport {
  private final Transport transport;
  private final GatewayEvents events;

  ObservedTransport(Transport transport, GatewayEvents events) {
    this.transport = transport;
    this.events = events;
  }

  @Override
  public String name() {
    return transport.name();
  }

  @Override
  public void start(TransportListener listener) throws TransportException {
    transport.start(new TransportListener() {
      @Override
      public void onFrame(PeerAddress from, ByteBuffer frame) {
        events.messageIn();
        listener.onFrame(from, frame);
      }

      @Override
      public void onPeerLost(PeerAddress peer) {
        listener.onPeerLost(peer);
      }
    });
  }

  @Override
  public void send(PeerAddress to, ByteBuffer frame) {
    events.messageOut();
    transport.send(to, frame);
  }

  @Override
  public boolean canBroadcast() {
    return transport.canBroadcast();
  }

  @Override
  public void broadcast(ByteBuffer frame) {
    transport.broadcast(frame);
  }

  @Override
  public int maxFrameSize() {
    return transport.maxFrameSize();
  }

  @Override
  public TransportStats stats() {
    return transport.stats();
  }

  @Override
  public Optional<InetSocketAddress> localAddress() {
    return transport.localAddress();
  }

  @Override
  public void close() {
    transport.close();
  }
}
