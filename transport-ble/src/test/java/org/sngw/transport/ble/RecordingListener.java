package org.sngw.transport.ble;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sngw.transport.BlePeer;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.TransportListener;

/** Keeps a copy of every frame, by peer, and every peer reported lost. */
final class RecordingListener implements TransportListener {
  final Map<PeerAddress, List<byte[]>> frames = new LinkedHashMap<>();
  final List<PeerAddress> lost = new ArrayList<>();

  @Override
  public void onFrame(PeerAddress from, ByteBuffer frame) {
    byte[] copy = new byte[frame.remaining()];
    frame.get(copy);
    frames.computeIfAbsent(from, p -> new ArrayList<>()).add(copy);
  }

  @Override
  public void onPeerLost(PeerAddress peer) {
    lost.add(peer);
  }

  List<byte[]> from(String address) {
    return frames.getOrDefault(new BlePeer(address), List.of());
  }
}
