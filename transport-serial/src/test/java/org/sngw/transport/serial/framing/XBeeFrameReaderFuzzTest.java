package org.sngw.transport.serial.framing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.sngw.transport.serial.framing.ReaderContract.Resumption;
import org.sngw.transport.serial.framing.XBeeFrames.Receive;

/** Any bytes from an XBee coordinator in API mode 1 and 2 ({@link ReaderContract}). */
class XBeeFrameReaderFuzzTest {
  private static final int NODE_LENGTH = 8;

  /**
   * In mode 1 a 0x7E in the garbage may be a false start claiming up to a frame of the largest
   * length, and it is settled only once that many bytes are in: so after the garbage come that
   * many bytes without a 0x7E, then the frame.
   */
  private static final ReaderContract MODE_1 = ReaderContract.radio(
      NODE_LENGTH, max -> new XBeeFrameReader(max, false), (garbage, max) -> {
        Receive receive = receive(garbage, max);
        byte[] quiet = new byte[max + XBeeFrameData.MAX_HEADER + XBeeApi.ENVELOPE];
        return new Resumption(0, Bytes.concat(quiet, receive.frame(false)), receive.entry());
      });

  /** In mode 2 a raw 0x7E always starts a frame: the frame's own start delimiter is enough. */
  private static final ReaderContract MODE_2 = ReaderContract.radio(
      NODE_LENGTH, max -> new XBeeFrameReader(max, true), (garbage, max) -> {
        Receive receive = receive(garbage, max);
        return new Resumption(0, receive.frame(true), receive.entry());
      });

  @FuzzTest
  void read_anyBytesInMode1(byte[] line) {
    MODE_1.check(line);
  }

  @FuzzTest
  void read_anyBytesInMode2(byte[] line) {
    MODE_2.check(line);
  }

  /**
   * A receive packet of the line's bytes: the first eight its node, as many of the rest as the
   * maximum allows its RF data, at least one; a ZigBee Receive Packet for an even line length, an
   * RX Packet 64-bit for an odd one.
   */
  private static Receive receive(byte[] bytes, int max) {
    int data = Math.max(1, Math.min(bytes.length - NODE_LENGTH, max));
    byte[] node = Bytes.take(bytes, 0, NODE_LENGTH);
    return new Receive(bytes.length % 2 == 0, node, Bytes.take(bytes, NODE_LENGTH, data));
  }
}
