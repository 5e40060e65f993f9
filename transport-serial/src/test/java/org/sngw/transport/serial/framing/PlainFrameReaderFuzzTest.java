package org.sngw.transport.serial.framing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sngw.sn.codec.SnMessageType;
import org.sngw.sn.framing.LengthFramer;
import org.sngw.transport.serial.framing.ReaderContract.Resumption;

/** Any bytes on a plain line through the MQTT-SN length framing ({@link ReaderContract}). */
class PlainFrameReaderFuzzTest {
  private static final Duration TIMEOUT = LengthFramer.DEFAULT_INTER_BYTE_TIMEOUT;
  private static final List<SnMessageType> TYPES = Arrays.stream(SnMessageType.values())
      .filter(type -> type != SnMessageType.ENCAPSULATED)
      .toList();

  private static final ReaderContract PLAIN = ReaderContract.line(
          max -> new PlainFrameReader(max, TIMEOUT), PlainFrameReaderFuzzTest::afterTheTimeout);

  @FuzzTest
  void read_anyLineAnyCuts_keepsTheReaderContract(byte[] line) {
    PLAIN.check(line);
  }

  /** A plain line has no marks: past the inter-byte timeout, a partial frame is dropped. */
  private static Resumption afterTheTimeout(byte[] garbage, int max) {
    byte[] packet = packet(garbage, max);
    ByteBuffer written = new PlainFrameWriter().write(Optional.empty(), ByteBuffer.wrap(packet));
    return new Resumption(TIMEOUT.toNanos() + 1, Bytes.array(written), "-/" + Bytes.hex(packet));
  }

  /**
   * A packet of as many of the line's bytes as the maximum allows, at least its 2-byte header,
   * with a known MsgType; its Length in the 3-byte form when it needs that or the first byte's
   * top bit says so.
   */
  private static byte[] packet(byte[] bytes, int max) {
    int length = Math.max(2, Math.min(bytes.length, max));
    int first = bytes.length > 0 ? bytes[0] & 0xFF : 0;
    byte type = (byte) TYPES.get((first & 0x7F) % TYPES.size()).code();
    if (length > 0xFF || length >= 4 && first >= 0x80) {
      byte[] header = {0x01, (byte) (length >> 8), (byte) length, type};
      return Bytes.concat(header, Bytes.take(bytes, header.length, length - header.length));
    }
    return Bytes.concat(new byte[] {(byte) length, type}, Bytes.take(bytes, 2, length - 2));
  }
}
