package org.sngw.transport.ble;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.framing.SnFrameGen;

/** MQTT-SN frames as the length framer sees them: a Length in either form, a known MsgType, any body. */
final class Frames {
  static final int PUBLISH = 0x0C;
  /** PINGREQ: Length 2, MsgType 0x16. */
  static final byte[] PINGREQ = {2, 0x16};

  private Frames() {}

  /** A PUBLISH of exactly {@code length} bytes (at least 2), the body a pattern seeded by {@code seed}. */
  static byte[] ofLength(int length, int seed) {
    boolean longForm = length > 0xFF;
    byte[] body = new byte[length - (longForm ? 4 : 2)];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (seed + i * 31);
    }
    return SnFrameGen.message(PUBLISH, longForm, body);
  }

  /** {@code packet} as a sensor sends it. */
  static byte[] encoded(SnPacket packet) {
    ByteBuffer buffer = SnEncoder.encode(packet);
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }

  /** {@code bytes} cut before each of the given offsets, in order. */
  static byte[][] cut(byte[] bytes, int... offsets) {
    byte[][] pieces = new byte[offsets.length + 1][];
    int from = 0;
    for (int i = 0; i < offsets.length; i++) {
      pieces[i] = Arrays.copyOfRange(bytes, from, offsets[i]);
      from = offsets[i];
    }
    pieces[offsets.length] = Arrays.copyOfRange(bytes, from, bytes.length);
    return pieces;
  }

  /** {@code bytes} in pieces of {@code size}, the last one shorter if need be. */
  static byte[][] pieces(byte[] bytes, int size) {
    return cut(bytes, IntStream.iterate(size, at -> at < bytes.length, at -> at + size).toArray());
  }
}
