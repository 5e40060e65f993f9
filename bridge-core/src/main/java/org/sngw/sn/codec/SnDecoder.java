package org.sngw.sn.codec;

import static org.sngw.sn.codec.SnWire.ENCAPSULATION_FIXED;
import static org.sngw.sn.codec.SnWire.LONG_LENGTH_MARKER;
import static org.sngw.sn.codec.SnWire.RADIUS;
import static org.sngw.sn.codec.SnWire.hex;
import static org.sngw.sn.codec.SnWire.u16;
import static org.sngw.sn.codec.SnWire.u8;

import java.nio.ByteBuffer;
import org.sngw.sn.codec.SnMalformed.Reason;
import org.sngw.transport.WirelessNodeId;

/**
 * Decodes one MQTT-SN v1.2 frame into a packet, or into an {@link SnMalformed} that names the bad
 * field. Never throws and keeps no state, so any I/O thread may call it. Faithful to the wire:
 * semantic limits (client id length, msg id 0, where QoS -1 is allowed) are the gateway's.
 */
public final class SnDecoder {
  private static final int ENCAPSULATED = SnMessageType.ENCAPSULATED.code();

  private SnDecoder() {}

  /**
   * Decodes the one packet that fills {@code frame} from its position to its limit. Reads with
   * absolute gets, so the buffer's position and limit are unchanged. Malformed offsets count from
   * the position.
   */
  public static SnDecodeResult decode(ByteBuffer frame) {
    return decode(frame, frame.position(), frame.limit(), frame.position(), true);
  }

  private static SnDecodeResult decode(
      ByteBuffer b, int start, int end, int base, boolean outermost) {
    int size = end - start;
    if (size == 0) {
      return new SnMalformed(Reason.EMPTY_FRAME, "length missing: frame is empty", start - base);
    }
    int first = u8(b, start);
    boolean longForm = first == LONG_LENGTH_MARKER;
    if (!longForm && size >= 2 && u8(b, start + 1) == ENCAPSULATED) {
      // Its first byte counts the encapsulation header only, so the length rule below differs.
      return outermost
          ? encapsulated(b, start, end, base)
          : new SnMalformed(Reason.BAD_ENCAPSULATION, "msg type ENCAPSULATED nested in an encapsulation", start + 1 - base);
    }
    if (longForm && size < 3) {
      return new SnMalformed(Reason.LENGTH_MISMATCH, "3-byte length truncated: frame has " + size + " bytes", start - base);
    }
    int header = longForm ? 4 : 2;
    int length = longForm ? u16(b, start + 1) : first;
    if (length < header) {
      return new SnMalformed(Reason.LENGTH_MISMATCH,
          "length " + length + " is shorter than the " + header + "-byte header", start - base);
    }
    if (length != size) {
      return new SnMalformed(Reason.LENGTH_MISMATCH, "length " + length + " but frame has " + size + " bytes", start - base);
    }
    int code = u8(b, start + header - 1);
    SnMessageType type = SnMessageType.fromCode(code);
    if (type == null) {
      return new SnMalformed(Reason.RESERVED_MSG_TYPE, "msg type " + hex(code) + " is reserved", start + header - 1 - base);
    }
    return SnBodyDecoder.decode(type, b, start, header, end, base);
  }

  // Length(1) MsgType(1) Ctrl(1) WirelessNodeId(Length - 3), then a whole MQTT-SN message.
  private static SnDecodeResult encapsulated(ByteBuffer b, int start, int end, int base) {
    int headerLength = u8(b, start);
    int size = end - start;
    if (headerLength <= ENCAPSULATION_FIXED) {
      return new SnMalformed(Reason.BAD_ENCAPSULATION,
          "encapsulation length " + headerLength + " leaves no wireless node id", start - base);
    }
    if (headerLength >= size) {
      return new SnMalformed(Reason.BAD_ENCAPSULATION,
          "encapsulation length " + headerLength + " leaves no message in a " + size
              + "-byte frame",
          start - base);
    }
    SnDecodeResult inner = decode(b, start + headerLength, end, base, false);
    if (!(inner instanceof SnPacket packet)) {
      return inner;
    }
    byte[] node = new byte[headerLength - ENCAPSULATION_FIXED];
    b.get(start + ENCAPSULATION_FIXED, node);
    return new SnPacket.Encapsulated(u8(b, start + 2) & RADIUS, WirelessNodeId.of(node), packet);
  }
}
