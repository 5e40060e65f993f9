package org.sngw.sn.framing;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.sngw.property.Draw;
import org.sngw.sn.codec.SnMessageType;

/**
 * MQTT-SN frames as a length framer sees them: a Length field in either form, a known MsgType and
 * any body; some wrapped in a forwarder encapsulation. Bodies need not decode: framing ignores them.
 * Shared through the test jar with the transports that frame by Length (BLE).
 */
public final class SnFrameGen {
  private static final List<Integer> PLAIN_TYPES = Arrays.stream(SnMessageType.values())
      .filter(t -> t != SnMessageType.ENCAPSULATED)
      .map(SnMessageType::code)
      .toList();

  private SnFrameGen() {}

  /** A frame of at most {@code max} bytes, max at least 16; one in five encapsulated. */
  static byte[] frame(Draw d, int max) {
    return d.weighted(4, 1) == 0 ? message(d, max) : encapsulated(d, max);
  }

  /** A plain message of at most {@code max} bytes, max at least 4. */
  public static byte[] message(Draw d, int max) {
    int type = d.of(PLAIN_TYPES);
    boolean longForm = d.bool();
    byte[] body = d.bytes(0, max - 4);
    return message(type, longForm || body.length + 2 > 0xFF, body);
  }

  private static byte[] encapsulated(Draw d, int max) {
    int nodeLength = d.between(1, 8);
    int radius = d.between(0, 3);
    byte[] node = d.bytes(nodeLength, nodeLength);
    return encapsulation(radius, node, message(d, max - 3 - nodeLength));
  }

  /** A message of {@code type} around {@code body}, its Length in the 3-byte form if {@code longForm}. */
  public static byte[] message(int type, boolean longForm, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (longForm) {
      int length = body.length + 4;
      out.write(0x01);
      out.write(length >> 8);
      out.write(length);
    } else {
      out.write(body.length + 2);
    }
    out.write(type);
    out.writeBytes(body);
    return out.toByteArray();
  }

  static byte[] encapsulation(int radius, byte[] node, byte[] message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(3 + node.length);
    out.write(SnMessageType.ENCAPSULATED.code());
    out.write(radius);
    out.writeBytes(node);
    out.writeBytes(message);
    return out.toByteArray();
  }
}
