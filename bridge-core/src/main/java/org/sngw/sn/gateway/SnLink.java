package org.sngw.sn.gateway;

import org.sngw.sn.codec.SnPacket;
import org.sngw.transport.PeerAddress;

/** The way back to one sensor: encodes a packet and hands it to the sensor's transport. */
interface SnLink {
  PeerAddress peer();

  void send(SnPacket packet);
}
