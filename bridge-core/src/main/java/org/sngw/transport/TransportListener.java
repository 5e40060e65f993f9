package org.sngw.transport;

import java.nio.ByteBuffer;

/** What a transport reports, called on the transport's own I/O thread. */
public interface TransportListener {
  /**
   * One complete frame (one MQTT-SN packet, possibly forwarder-encapsulated) from a peer. The
   * buffer is only valid during the call: the listener copies what it keeps and hands the work to
   * the core loop; it must not block.
   */
  void onFrame(PeerAddress from, ByteBuffer frame);

  /** The link to a peer is gone at link level (BLE disconnect, serial port unplugged). */
  void onPeerLost(PeerAddress peer);
}
