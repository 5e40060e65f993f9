package org.sngw.transport.serial.framing;

import java.nio.ByteBuffer;

/**
 * Cuts a serial byte stream into frames. Stateful, one per open port, used by the port's reader
 * thread only. Bytes may arrive in any split: a frame one byte at a time, many frames in one read,
 * garbage in between; a reader resynchronises and never throws on bad input.
 */
public interface FrameReader {
  /**
   * Consumes all of {@code bytes} (from position to limit), calling the handler for every complete
   * frame and every piece of input it had to throw away.
   *
   * @param nowNanos monotonic time of the read, for inter-byte timeouts
   */
  void read(ByteBuffer bytes, long nowNanos, FrameHandler handler);

  /** Forgets any partial frame: the port was closed and reopened. */
  void reset();
}
