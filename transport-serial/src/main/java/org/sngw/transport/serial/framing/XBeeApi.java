package org.sngw.transport.serial.framing;

import java.nio.ByteBuffer;

/**
 * The XBee API frame envelope:
 *
 * <pre>
 *   0x7E | length (2 bytes, big-endian: frame data bytes) | frame data | checksum
 *   checksum = 0xFF - (sum of the frame data bytes &amp; 0xFF): frame data plus checksum sum to 0xFF
 * </pre>
 *
 * API mode 2 (AP=2) escapes every byte after the start delimiter that is 0x7E, 0x7D, 0x11 (XON) or
 * 0x13 (XOFF) as 0x7D then the byte XOR 0x20; length and checksum count the unescaped bytes, and a
 * raw 0x7E always starts a frame. API mode 1 (AP=1) escapes nothing, so 0x7E may appear inside.
 */
final class XBeeApi {
  static final byte START = 0x7E;
  static final byte ESCAPE = 0x7D;
  static final int ESCAPE_XOR = 0x20;
  /** Start delimiter and length. */
  static final int HEADER = 3;
  /** Header and checksum around the frame data. */
  static final int ENVELOPE = HEADER + 1;

  private XBeeApi() {}

  static int checksum(byte[] bytes, int offset, int length) {
    int sum = 0;
    for (int i = offset; i < offset + length; i++) {
      sum += bytes[i];
    }
    return 0xFF - (sum & 0xFF);
  }

  static boolean needsEscape(byte b) {
    return b == START || b == ESCAPE || b == 0x11 || b == 0x13;
  }

  /** A mode 1 frame in mode 2: everything after the start delimiter escaped. */
  static ByteBuffer escape(byte[] frame) {
    int escapes = 0;
    for (int i = 1; i < frame.length; i++) {
      escapes += needsEscape(frame[i]) ? 1 : 0;
    }
    byte[] out = new byte[frame.length + escapes];
    out[0] = frame[0];
    int at = 1;
    for (int i = 1; i < frame.length; i++) {
      if (needsEscape(frame[i])) {
        out[at++] = ESCAPE;
        out[at++] = (byte) (frame[i] ^ ESCAPE_XOR);
      } else {
        out[at++] = frame[i];
      }
    }
    return ByteBuffer.wrap(out);
  }
}
