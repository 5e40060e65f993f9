package org.sngw.transport.serial.framing;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.sngw.transport.WirelessNodeId;

/** Wraps one MQTT-SN packet for the line. Stateless apart from counters such as XBee frame ids. */
public interface FrameWriter {
  /**
   * @param radioNode the destination radio when the framing addresses one (XBee); required there
   * @return the bytes to write, ready to read
   */
  ByteBuffer write(Optional<WirelessNodeId> radioNode, ByteBuffer frame);
}
