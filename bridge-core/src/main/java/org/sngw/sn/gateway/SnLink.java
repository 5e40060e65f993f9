package org.sngw.sn.gateway;

import org.sngw.sn.codec.SnPacket;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;

/** The way back to one sensor: encodes a packet and hands it to the sensor's transport. */
interface SnLink {
  PeerAddress peer();

  /** The transport the sensor is reached through, whose session count it adds to. */
  Transport transport();

  void send(SnPacket packet);
}
