package org.sngw.sn.codec;

import static org.sngw.sn.codec.SnWire.ENCAPSULATION_FIXED;
import static org.sngw.sn.codec.SnWire.LONG_LENGTH_MARKER;
import static org.sngw.sn.codec.SnWire.MAX_LENGTH;
import static org.sngw.sn.codec.SnWire.MAX_SHORT_LENGTH;
import static org.sngw.sn.codec.SnWire.putU16;
import static org.sngw.sn.codec.SnWire.putU8;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import org.sngw.sn.codec.SnPacket.Encapsulated;

/**
 * Writes MQTT-SN v1.2 frames. Stateless. Uses the 1-byte Length form up to 255 bytes and the
 * 3-byte form above. A packet that can't be framed (over 65535 bytes, an unpaired surrogate in a
 * string, a wireless node id over 252 bytes) is a caller's bug: IllegalArgumentException, before
 * anything is written.
 */
public final class SnEncoder {
  private SnEncoder() {}

  /** Bytes {@code p} takes on the wire, Length field and any encapsulation header included. */
  public static int encodedLength(SnPacket p) {
    if (p instanceof Encapsulated e) {
      long length = (long) encapsulationHeaderLength(e) + encodedLength(e.inner());
      return checkedLength(p, length);
    }
    long content = 1 + SnBodyEncoder.length(p); // MsgType and body
    return content + 1 <= MAX_SHORT_LENGTH ? (int) content + 1 : checkedLength(p, content + 3);
  }

  /**
   * Writes {@code p} at out's position and advances it.
   *
   * @throws BufferOverflowException if out has too little room; nothing is written then
   */
  public static void encode(SnPacket p, ByteBuffer out) {
    int length = encodedLength(p);
    if (out.remaining() < length) {
      throw new BufferOverflowException();
    }
    write(p, length, out);
  }

  /** A new heap buffer of exactly the encoded size, at position 0, ready to read. */
  public static ByteBuffer encode(SnPacket p) {
    int length = encodedLength(p);
    ByteBuffer out = ByteBuffer.allocate(length);
    write(p, length, out);
    return out.flip();
  }

  private static void write(SnPacket p, int length, ByteBuffer out) {
    if (p instanceof Encapsulated e) {
      byte[] node = e.node().toBytes();
      int header = ENCAPSULATION_FIXED + node.length;
      putU8(out, header);
      putU8(out, SnMessageType.ENCAPSULATED.code());
      putU8(out, e.radius());
      out.put(node);
      write(e.inner(), length - header, out);
      return;
    }
    if (length <= MAX_SHORT_LENGTH) {
      putU8(out, length);
    } else {
      putU8(out, LONG_LENGTH_MARKER);
      putU16(out, length);
    }
    putU8(out, p.type().code());
    SnBodyEncoder.write(p, out);
  }

  // The encapsulation's Length field is one byte and counts only its own header.
  private static int encapsulationHeaderLength(Encapsulated e) {
    int header = ENCAPSULATION_FIXED + e.node().length();
    if (header > MAX_SHORT_LENGTH) {
      throw new IllegalArgumentException(
          "wireless node id of " + e.node().length() + " bytes overflows the encapsulation length");
    }
    return header;
  }

  private static int checkedLength(SnPacket p, long length) {
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          p.type() + " needs " + length + " bytes; an MQTT-SN frame holds at most " + MAX_LENGTH);
    }
    return (int) length;
  }
}
