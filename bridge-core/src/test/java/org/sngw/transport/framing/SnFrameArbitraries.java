package org.sngw.transport.framing;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.sngw.sn.codec.SnMessageType;

/**
 * MQTT-SN frames as a length framer sees them: a Length field in either form, a known MsgType and
 * any body; some wrapped in a forwarder encapsulation. Bodies need not decode: framing ignores them.
 */
final class SnFrameArbitraries {
  private static final List<Integer> PLAIN_TYPES = Arrays.stream(SnMessageType.values())
      .filter(t -> t != SnMessageType.ENCAPSULATED)
      .map(SnMessageType::code)
      .toList();

  private SnFrameArbitraries() {}

  /** Frames of at most {@code max} bytes, max at least 16. */
  static Arbitrary<byte[]> frames(int max) {
    return Arbitraries.frequencyOf(
        Tuple.of(4, messages(max)),
        Tuple.of(1, encapsulated(max)));
  }

  /** Plain messages of at most {@code max} bytes, max at least 4. */
  static Arbitrary<byte[]> messages(int max) {
    return Combinators.combine(
            Arbitraries.of(PLAIN_TYPES),
            Arbitraries.of(true, false),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(max - 4))
        .as((type, longForm, body) -> message(type, longForm || body.length + 2 > 0xFF, body));
  }

  private static Arbitrary<byte[]> encapsulated(int max) {
    return Arbitraries.integers().between(1, 8).flatMap(nodeLength -> Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.bytes().array(byte[].class).ofSize(nodeLength),
            messages(max - 3 - nodeLength))
        .as(SnFrameArbitraries::encapsulation));
  }

  static byte[] message(int type, boolean longForm, byte[] body) {
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
