package org.sngw.transport.serial;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.TransportListener;

/** Keeps a copy of every frame and every lost peer, in order. */
final class RecordingListener implements TransportListener {
  record Received(PeerAddress from, byte[] frame) {}

  final List<Received> frames = new CopyOnWriteArrayList<>();
  final List<PeerAddress> lost = new CopyOnWriteArrayList<>();

  @Override
  public void onFrame(PeerAddress from, ByteBuffer frame) {
    byte[] copy = new byte[frame.remaining()];
    frame.get(copy);
    frames.add(new Received(from, copy));
  }

  @Override
  public void onPeerLost(PeerAddress peer) {
    lost.add(peer);
  }
}
