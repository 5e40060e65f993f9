package org.sngw.transport.serial.framing;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.sngw.transport.WirelessNodeId;

/** Where a {@link FrameReader} puts what it found. */
public interface FrameHandler {
  /**
   * One MQTT-SN packet (possibly forwarder-encapsulated), valid only during the call.
   *
   * @param radioNode the sending radio's address when the framing carries one (XBee)
   */
  void frame(Optional<WirelessNodeId> radioNode, ByteBuffer frame);

  /** Input thrown away: garbage, a bad checksum, an oversized or timed-out partial frame. */
  void discarded(String reason);
}
