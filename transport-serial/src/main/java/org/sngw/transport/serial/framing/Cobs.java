package org.sngw.transport.serial.framing;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker): rewrites a packet without 0x00 bytes so
 * that 0x00 can end it on the line. Each block is a code byte n (1..255) followed by n - 1 data
 * bytes, standing for those bytes and then a 0x00, except after a full block (0xFF) or at the end.
 *
 * <p>Encodes the canonical form: a full block at the very end gets no 0x01 block after it. Arduino's
 * PacketSerial sends that extra 0x01 and reads both forms, so does {@link #decodeInPlace}; the
 * canonical form keeps a 254-byte packet within PacketSerial's default 256-byte receive buffer.
 */
final class Cobs {
  private static final int FULL_BLOCK = 0xFF;

  private Cobs() {}

  /** Room the encoding of {@code length} bytes may take, as PacketSerial reckons it. */
  static int maxEncodedLength(int length) {
    return length + length / 254 + 1;
  }

  /**
   * Encodes {@code src[0, length)} into {@code dst} from index 0.
   *
   * @param dst at least {@link #maxEncodedLength} long
   * @return the encoded length
   */
  static int encode(byte[] src, int length, byte[] dst) {
    int codeAt = 0;
    int out = 1;
    int code = 1;
    for (int i = 0; i < length; i++) {
      if (src[i] == 0) {
        dst[codeAt] = (byte) code;
        codeAt = out++;
        code = 1;
        continue;
      }
      dst[out++] = src[i];
      code++;
      if (code == FULL_BLOCK && i + 1 < length) {
        dst[codeAt] = (byte) code;
        codeAt = out++;
        code = 1;
      }
    }
    dst[codeAt] = (byte) code;
    return out;
  }

  /**
   * Decodes {@code buf[0, length)}, which holds no 0x00, in place: the decoding is never longer
   * than the encoding and never overtakes it.
   *
   * @return the decoded length, or -1 when a block runs past the end
   */
  static int decodeInPlace(byte[] buf, int length) {
    int read = 0;
    int write = 0;
    while (read < length) {
      int code = buf[read] & 0xFF;
      if (read + code > length) {
        return -1;
      }
      System.arraycopy(buf, read + 1, buf, write, code - 1);
      write += code - 1;
      read += code;
      if (code != FULL_BLOCK && read < length) {
        buf[write++] = 0;
      }
    }
    return write;
  }
}
