package org.sngw.transport.serial.framing;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Optional;

/**
 * COBS frames ended by 0x00, as Arduino's PacketSerial sends them; with {@code crc}, each decoded
 * frame ends in a CRC-16 trailer (see {@link CobsFrameWriter} for the layout).
 *
 * <p>Every 0x00 is a fresh start, so resynchronising is free: leading and repeated delimiters are
 * skipped quietly; a frame that does not decode, fails its CRC, or is too long is dropped and
 * reported, and the next frame is read normally. The line carries no radio address.
 */
public final class CobsFrameReader implements FrameReader {
  private static final int CRC_LENGTH = 2;
  /** Reasons are worded without String.format, which costs kilobytes a call: garbage stays cheap. */
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final int maxFrameSize;
  private final boolean crc;
  /** Encoded bytes of the frame coming in, decoded in place at its delimiter. */
  private final byte[] buffer;
  private int length;
  /** The frame coming in outgrew the buffer: the rest of it up to its delimiter is dropped. */
  private boolean overflowed;

  /** @param maxFrameSize the longest packet taken, CRC not counted */
  public CobsFrameReader(int maxFrameSize, boolean crc) {
    if (maxFrameSize < 1) {
      throw new IllegalArgumentException("maxFrameSize must be positive, not " + maxFrameSize);
    }
    this.maxFrameSize = maxFrameSize;
    this.crc = crc;
    this.buffer = new byte[Cobs.maxEncodedLength(maxFrameSize + (crc ? CRC_LENGTH : 0))];
  }

  @Override
  public void read(ByteBuffer bytes, long nowNanos, FrameHandler handler) {
    while (bytes.hasRemaining()) {
      byte b = bytes.get();
      if (b == 0) {
        endOfFrame(handler);
      } else if (length < buffer.length) {
        buffer[length++] = b;
      } else if (!overflowed) {
        overflowed = true;
        handler.discarded("COBS frame longer than " + buffer.length + " encoded bytes dropped");
      }
    }
  }

  @Override
  public void reset() {
    length = 0;
    overflowed = false;
  }

  private void endOfFrame(FrameHandler handler) {
    int encoded = length;
    boolean wasOverflowed = overflowed;
    reset();
    if (wasOverflowed || encoded == 0) {
      return;
    }
    int decoded = Cobs.decodeInPlace(buffer, encoded);
    if (decoded < 0) {
      handler.discarded("COBS frame of " + encoded + " bytes has a block running past its end");
      return;
    }
    int payload = crc ? decoded - CRC_LENGTH : decoded;
    if (payload < 0) {
      handler.discarded("frame of " + decoded + " bytes is too short for its CRC-16");
    } else if (crc && !crcMatches(payload)) {
      handler.discarded("CRC-16 0x" + HEX.toHexDigits((short) trailer(payload)) + " of a " + payload
          + "-byte frame does not match its contents");
    } else if (payload > maxFrameSize) {
      handler.discarded("frame of " + payload + " bytes is over the maximum " + maxFrameSize);
    } else if (payload == 0) {
      handler.discarded("empty frame");
    } else {
      handler.frame(Optional.empty(), ByteBuffer.wrap(buffer, 0, payload).slice());
    }
  }

  private boolean crcMatches(int payload) {
    return Crc16CcittFalse.of(buffer, 0, payload) == trailer(payload);
  }

  private int trailer(int payload) {
    return (buffer[payload] & 0xFF) << 8 | buffer[payload + 1] & 0xFF;
  }
}
