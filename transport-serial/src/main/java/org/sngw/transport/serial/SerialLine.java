package org.sngw.transport.serial;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An open serial port as the transport uses it: read and closed by the port thread, written by
 * the writer thread.
 */
interface SerialLine {
  /**
   * Reads what has arrived, waiting a short while (a tenth of a second) for the first byte.
   *
   * @return the number of bytes put at the start of {@code into}, 0 when nothing came in time
   * @throws IOException when the port failed or went away; the message says why
   */
  int read(byte[] into) throws IOException;

  /**
   * Writes all remaining bytes; may block while the line is busy or held by flow control.
   *
   * @throws IOException when the port failed or was closed; the message says why
   */
  void write(ByteBuffer bytes) throws IOException;

  /** Releases the port, unblocking a write in progress. Idempotent. */
  void close();
}
