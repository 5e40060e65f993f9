package org.sngw.transport.serial.framing;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.sngw.transport.WirelessNodeId;

/**
 * A packet goes on a plain line as it is: its Length field is its framing. A point-to-point line
 * has one receiver, so a radio node, if given, is ignored. Stateless.
 */
public final class PlainFrameWriter implements FrameWriter {
  @Override
  public ByteBuffer write(Optional<WirelessNodeId> radioNode, ByteBuffer frame) {
    return frame.slice();
  }
}
