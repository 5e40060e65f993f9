package org.sngw.sn.framing;

import java.nio.ByteBuffer;

/** Where a stream framer puts what it cut out of the bytes it was fed. */
public interface FrameSink {
  /** One complete frame, from position to limit; valid only during the call. */
  void frame(ByteBuffer frame);

  /** Input thrown away: garbage skipped while resynchronising, or a timed-out partial frame. */
  void discarded(String reason);
}
