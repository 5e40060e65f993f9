package org.sngw.sn.framing;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import org.sngw.sn.codec.SnMessageType;

/**
 * Cuts a byte stream into bare MQTT-SN packets, each delimited by its own Length field: one byte
 * (2..255), or 0x01 then two bytes big-endian (4..65535). For links with no framing of their own:
 * a plain serial line, a BLE GATT byte stream.
 *
 * <p>The stream has no marks to resynchronise on, so a position only counts as a frame start when
 * its header is plausible: a 1-byte length of at least 2, a 3-byte length of at least 4, no length
 * over the maximum frame size, and a known MsgType at the type position. Anything else drops one
 * byte and the next position is tried. A forwarder encapsulation (Length, 0xFE, Ctrl, node id)
 * counts only its own header in its Length, so its frame runs on over the whole message after it.
 *
 * <p>Garbage that happens to look like a header holds back the frames behind it until the
 * inter-byte timeout: a partial frame not continued in time is dropped before new bytes are
 * taken, whether it was cut short (a sensor reset mid-frame) or never was a frame.
 *
 * <p>Stateful: one per stream, used by one thread. Buffers at most the maximum frame size.
 */
public final class LengthFramer {
  public static final Duration DEFAULT_INTER_BYTE_TIMEOUT = Duration.ofMillis(100);

  private static final int LONG_LENGTH_MARKER = 0x01;
  private static final int LONG_HEADER = 4;
  private static final int SHORT_HEADER = 2;
  private static final int ENCAPSULATED = SnMessageType.ENCAPSULATED.code();
  /** Encapsulation header bytes besides the wireless node id: Length, MsgType, Ctrl. */
  private static final int ENCAPSULATION_FIXED = 3;
  /** {@link #measure} results that are no length. */
  private static final int HEADER_INCOMPLETE = 0;
  private static final int INVALID = -1;

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** Why a position is no frame start; worded only for the first of a run, so garbage is cheap. */
  private enum Invalid {
    LONG_FORM_CANNOT_FIT, LONG_LENGTH_TOO_SMALL, OVER_MAXIMUM, LENGTH_TOO_SMALL, NO_NODE_ID,
    NO_ROOM_FOR_MESSAGE, UNKNOWN_TYPE, MISPLACED_ENCAPSULATION;

    String reason(int value, int limit) {
      return switch (this) {
        case LONG_FORM_CANNOT_FIT -> "3-byte length form cannot fit in " + limit + " bytes";
        case LONG_LENGTH_TOO_SMALL -> "3-byte length " + value + " is below 4";
        case OVER_MAXIMUM -> "length " + value + " is over the maximum " + limit;
        case LENGTH_TOO_SMALL -> "length " + value + " is below 2";
        case NO_NODE_ID -> "encapsulation length " + value + " leaves no wireless node id";
        case NO_ROOM_FOR_MESSAGE -> "encapsulation length " + value + " leaves no room for a message";
        case UNKNOWN_TYPE -> "msg type 0x" + HEX.toHexDigits((byte) value) + " is unknown";
        case MISPLACED_ENCAPSULATION -> "msg type ENCAPSULATED after a 3-byte length or inside an encapsulation";
      };
    }
  }

  private final byte[] buffer;
  private final long timeoutNanos;
  private final long timeoutMillis;
  /** Bytes buffer[0, end) are a partial frame between feeds. */
  private int end;
  private long lastFeedNanos;
  /** Set with {@link #INVALID}: what was wrong, the value and limit it names, and where. */
  private Invalid invalid;
  private int invalidValue;
  private int invalidLimit;
  private boolean invalidInside;
  /** Bytes skipped since the last report; every feed or read ends by reporting them. */
  private int skipped;
  private String firstSkipReason;

  /**
   * @param maxFrameSize the longest frame taken, 2..65535; longer lengths count as garbage
   * @param interByteTimeout how long a partial frame may wait for its next bytes
   */
  public LengthFramer(int maxFrameSize, Duration interByteTimeout) {
    if (maxFrameSize < SHORT_HEADER || maxFrameSize > 0xFFFF) {
      throw new IllegalArgumentException("maxFrameSize must be 2..65535, not " + maxFrameSize);
    }
    if (interByteTimeout.isNegative() || interByteTimeout.isZero()) {
      throw new IllegalArgumentException("interByteTimeout must be positive, not " + interByteTimeout);
    }
    this.buffer = new byte[maxFrameSize];
    this.timeoutNanos = interByteTimeout.toNanos();
    this.timeoutMillis = interByteTimeout.toMillis();
  }

  /**
   * Consumes all of {@code bytes} (position to limit), calling the sink for every complete frame
   * and every run of input thrown away. Frames are views into this framer's buffer.
   *
   * @param nowNanos monotonic time the bytes arrived
   */
  public void feed(ByteBuffer bytes, long nowNanos, FrameSink sink) {
    if (end > 0 && nowNanos - lastFeedNanos > timeoutNanos) {
      sink.discarded("partial frame of " + end + " bytes not continued within " + timeoutMillis + " ms");
      end = 0;
    }
    if (!bytes.hasRemaining()) {
      return;
    }
    lastFeedNanos = nowNanos;
    while (bytes.hasRemaining()) {
      // A pending partial frame is always shorter than the buffer, so this takes at least a byte.
      int n = Math.min(bytes.remaining(), buffer.length - end);
      bytes.get(buffer, end, n);
      end += n;
      scan(sink);
    }
  }

  /** Forgets any partial frame, as when the stream was closed and reopened. */
  public void reset() {
    end = 0;
  }

  private void scan(FrameSink sink) {
    int start = 0;
    while (start < end) {
      int length = measure(start, buffer.length, false);
      if (length == INVALID) {
        skip();
        start++;
        continue;
      }
      if (length == HEADER_INCOMPLETE || end - start < length) {
        break;
      }
      reportSkipped(sink);
      ByteBuffer frame = ByteBuffer.wrap(buffer, start, length).slice();
      start += length;
      sink.frame(frame);
    }
    reportSkipped(sink);
    System.arraycopy(buffer, start, buffer, 0, end - start);
    end -= start;
  }

  /**
   * The length of the frame starting at {@code at}, {@link #HEADER_INCOMPLETE} until enough bytes
   * are in to tell, or {@link #INVALID} with {@link #invalid} set. Asks for no more bytes
   * than {@code limit}, so a partial frame never fills the buffer.
   */
  private int measure(int at, int limit, boolean nested) {
    if (at >= end) {
      return HEADER_INCOMPLETE;
    }
    int first = u8(at);
    invalidInside = nested;
    if (first == LONG_LENGTH_MARKER) {
      if (limit < LONG_HEADER) {
        return invalid(Invalid.LONG_FORM_CANNOT_FIT, first, limit);
      }
      if (end - at < 3) {
        return HEADER_INCOMPLETE;
      }
      int length = (u8(at + 1) << 8) | u8(at + 2);
      if (length < LONG_HEADER) {
        return invalid(Invalid.LONG_LENGTH_TOO_SMALL, length, limit);
      }
      if (length > limit) {
        return invalid(Invalid.OVER_MAXIMUM, length, limit);
      }
      return end - at < LONG_HEADER ? HEADER_INCOMPLETE : typed(u8(at + 3), length, limit);
    }
    if (first < SHORT_HEADER) {
      return invalid(Invalid.LENGTH_TOO_SMALL, first, limit);
    }
    if (first > limit) {
      return invalid(Invalid.OVER_MAXIMUM, first, limit);
    }
    if (end - at < SHORT_HEADER) {
      return HEADER_INCOMPLETE;
    }
    int type = u8(at + 1);
    return type == ENCAPSULATED && !nested ? encapsulation(at, first, limit) : typed(type, first, limit);
  }

  private int encapsulation(int at, int headerLength, int limit) {
    if (headerLength <= ENCAPSULATION_FIXED) {
      return invalid(Invalid.NO_NODE_ID, headerLength, limit);
    }
    if (limit - headerLength < SHORT_HEADER) {
      return invalid(Invalid.NO_ROOM_FOR_MESSAGE, headerLength, limit);
    }
    int inner = measure(at + headerLength, limit - headerLength, true);
    return inner > 0 ? headerLength + inner : inner;
  }

  private int typed(int type, int length, int limit) {
    SnMessageType known = SnMessageType.fromCode(type);
    if (known == null) {
      return invalid(Invalid.UNKNOWN_TYPE, type, limit);
    }
    if (known == SnMessageType.ENCAPSULATED) {
      return invalid(Invalid.MISPLACED_ENCAPSULATION, type, limit);
    }
    return length;
  }

  private int invalid(Invalid what, int value, int limit) {
    invalid = what;
    invalidValue = value;
    invalidLimit = limit;
    return INVALID;
  }

  private void skip() {
    if (skipped++ == 0) {
      String reason = invalid.reason(invalidValue, invalidLimit);
      firstSkipReason = invalidInside ? "encapsulated message: " + reason : reason;
    }
  }

  private void reportSkipped(FrameSink sink) {
    if (skipped > 0) {
      sink.discarded(skipped + " byte(s) skipped, the first because " + firstSkipReason);
      skipped = 0;
      firstSkipReason = null;
    }
  }

  private int u8(int at) {
    return buffer[at] & 0xFF;
  }
}
