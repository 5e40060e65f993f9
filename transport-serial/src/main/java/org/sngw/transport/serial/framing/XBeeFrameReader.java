package org.sngw.transport.serial.framing;

import java.nio.ByteBuffer;

/**
 * XBee API frames from a coordinator in API mode 1 or, with {@code escaped}, API mode 2 (envelope
 * in {@link XBeeApi}); {@link XBeeFrameData} says which frames carry packets and from which node.
 *
 * <p>Resynchronising: in mode 1 a 0x7E may be data, so when a frame fails (zero or oversized
 * length, bad checksum) only its start delimiter is dropped and the bytes after it are searched
 * again for the next 0x7E; a real frame swallowed by a false start is found that way. In mode 2 a
 * raw 0x7E always starts a frame, so a failed frame is dropped whole and any partial frame is
 * dropped when the next 0x7E comes. Bytes outside frames are skipped and reported per run.
 *
 * <p>Stateful, one per port, used by its reader thread. Buffers at most one frame of the largest
 * receive packet that carries {@code maxFrameSize} bytes of RF data.
 */
public final class XBeeFrameReader implements FrameReader {
  private static final int HEADER_INCOMPLETE = 0;
  private static final int INVALID = -1;

  private final boolean escaped;
  private final int maxFrameSize;
  private final int maxLength;
  /** Unescaped bytes from a start delimiter on; buffer[0, end) is pending between bytes. */
  private final byte[] buffer;
  private int end;
  /** Mode 2: a raw start delimiter opened the frame in the buffer. */
  private boolean open;
  /** Mode 2: the last raw byte was the escape. */
  private boolean escapeNext;
  private String invalidReason;
  /** Bytes skipped since the last report; every feed or read ends by reporting them. */
  private int skipped;
  private String firstSkipReason;

  /** @param maxFrameSize the most RF data taken from one frame */
  public XBeeFrameReader(int maxFrameSize, boolean escaped) {
    if (maxFrameSize < 1) {
      throw new IllegalArgumentException("maxFrameSize must be positive, not " + maxFrameSize);
    }
    this.escaped = escaped;
    this.maxFrameSize = maxFrameSize;
    this.maxLength = maxFrameSize + XBeeFrameData.MAX_HEADER;
    this.buffer = new byte[maxLength + XBeeApi.ENVELOPE];
  }

  @Override
  public void read(ByteBuffer bytes, long nowNanos, FrameHandler handler) {
    while (bytes.hasRemaining()) {
      byte b = bytes.get();
      if (escaped) {
        takeEscaped(b, handler);
      } else {
        buffer[end++] = b;
        scan(handler);
      }
    }
    reportSkipped(handler);
  }

  @Override
  public void reset() {
    end = 0;
    open = false;
    escapeNext = false;
  }

  private void takeEscaped(byte b, FrameHandler handler) {
    if (b == XBeeApi.START) {
      if (open) {
        reportSkipped(handler);
        handler.discarded("XBee frame cut short after " + end + " bytes by a start delimiter");
      }
      end = 0;
      buffer[end++] = b;
      open = true;
      escapeNext = false;
    } else if (!open) {
      skip("it came outside a frame");
    } else if (b == XBeeApi.ESCAPE) {
      escapeNext = true;
    } else {
      buffer[end++] = escapeNext ? (byte) (b ^ XBeeApi.ESCAPE_XOR) : b;
      escapeNext = false;
      scan(handler);
    }
  }

  private void scan(FrameHandler handler) {
    int start = 0;
    while (start < end) {
      int total = measure(start);
      if (total == HEADER_INCOMPLETE || total > end - start) {
        break;
      }
      if (total != INVALID && checksumMatches(start, total)) {
        reportSkipped(handler);
        open = false;
        XBeeFrameData.deliver(buffer, start + XBeeApi.HEADER, total - XBeeApi.ENVELOPE, maxFrameSize, handler);
        start += total;
        continue;
      }
      String reason = total == INVALID ? invalidReason : "the checksum of a " + total + "-byte frame is wrong";
      if (escaped) {
        handler.discarded("XBee frame dropped: " + reason);
        open = false;
        start = end;
      } else {
        skip(reason);
        start++;
      }
    }
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
    }
  }

  /** The whole frame's length from its start delimiter, or why there is no frame at {@code at}. */
  private int measure(int at) {
    if (buffer[at] != XBeeApi.START) {
      invalidReason = "it is no start delimiter";
      return INVALID;
    }
    if (end - at < XBeeApi.HEADER) {
      return HEADER_INCOMPLETE;
    }
    int length = (buffer[at + 1] & 0xFF) << 8 | buffer[at + 2] & 0xFF;
    if (length == 0 || length > maxLength) {
      invalidReason = "frame length " + length + " is not within 1.." + maxLength;
      return INVALID;
    }
    return length + XBeeApi.ENVELOPE;
  }

  private boolean checksumMatches(int start, int total) {
    int dataAndChecksum = total - XBeeApi.HEADER;
    return XBeeApi.checksum(buffer, start + XBeeApi.HEADER, dataAndChecksum) == 0;
  }

  private void skip(String reason) {
    if (skipped++ == 0) {
      firstSkipReason = reason;
    }
  }

  private void reportSkipped(FrameHandler handler) {
    if (skipped > 0) {
      handler.discarded(skipped + " byte(s) skipped, the first because " + firstSkipReason);
      skipped = 0;
      firstSkipReason = null;
    }
  }
}
