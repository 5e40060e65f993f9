package org.sngw.transport.serial.framing;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import org.sngw.sn.framing.FrameSink;
import org.sngw.sn.framing.LengthFramer;

/**
 * Bare MQTT-SN packets back to back, delimited by their own Length field ({@link LengthFramer}).
 * A plain line carries no radio address, so every frame comes with an empty node.
 */
public final class PlainFrameReader implements FrameReader {
  private final LengthFramer framer;

  public PlainFrameReader(int maxFrameSize, Duration interByteTimeout) {
    this.framer = new LengthFramer(maxFrameSize, interByteTimeout);
  }

  @Override
  public void read(ByteBuffer bytes, long nowNanos, FrameHandler handler) {
    framer.feed(bytes, nowNanos, new FrameSink() {
      @Override
      public void frame(ByteBuffer frame) {
        handler.frame(Optional.empty(), frame);
      }

      @Override
      public void discarded(String reason) {
        handler.discarded(reason);
      }
    });
  }

  @Override
  public void reset() {
    framer.reset();
  }
}
