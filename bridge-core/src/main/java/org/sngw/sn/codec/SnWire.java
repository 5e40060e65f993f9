package org.sngw.sn.codec;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * MQTT-SN v1.2 wire constants and field access shared by the decoder and the encoder. Fields are
 * read and written byte by byte, so a caller's buffer byte order never matters.
 */
final class SnWire {
  /** First byte of a 3-byte Length field. */
  static final int LONG_LENGTH_MARKER = 0x01;

  static final int MAX_SHORT_LENGTH = 0xFF;
  static final int MAX_LENGTH = 0xFFFF;
  static final int PROTOCOL_ID = 0x01;

  /** Encapsulation header bytes besides the wireless node id: Length, MsgType, Ctrl. */
  static final int ENCAPSULATION_FIXED = 3;

  // Flags byte
  static final int DUP = 0x80;
  static final int QOS_SHIFT = 5;
  static final int RETAIN = 0x10;
  static final int WILL = 0x08;
  static final int CLEAN_SESSION = 0x04;
  static final int TOPIC_ID_TYPE = 0x03;
  static final int RESERVED_TOPIC_ID_TYPE = 0b11;

  // Ctrl byte of an encapsulation
  static final int RADIUS = 0x03;

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private SnWire() {}

  /** A byte as 0xNN for error reasons; cheaper than String.format, as garbage can be frequent. */
  static String hex(int value) {
    return "0x" + HEX.toHexDigits((byte) value);
  }

  static int u8(ByteBuffer b, int at) {
    return b.get(at) & 0xFF;
  }

  static int u16(ByteBuffer b, int at) {
    return (b.get(at) & 0xFF) << 8 | b.get(at + 1) & 0xFF;
  }

  static void putU8(ByteBuffer out, int value) {
    out.put((byte) value);
  }

  static void putU16(ByteBuffer out, int value) {
    out.put((byte) (value >> 8)).put((byte) value);
  }
}
