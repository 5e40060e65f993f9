package org.sngw.transport.serial.framing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.sngw.transport.serial.framing.ReaderContract.Resumption;
import org.sngw.transport.serial.framing.XBeeFrames.Receive;

/**
 * Any bytes from an XBee coordinator in API mode 2 ({@link ReaderContract}). A raw 0x7E always
 * starts a frame, so the frame's own start delimiter is enough after the garbage.
 */
class XBeeMode2FrameReaderFuzzTest {
  private static final ReaderContract MODE_2 = ReaderContract.radio(
      XBeeFrames.NODE_LENGTH, max -> new XBeeFrameReader(max, true), (garbage, max) -> {
        Receive receive = XBeeFrames.receiveOf(garbage, max);
        return new Resumption(0, receive.frame(true), receive.entry());
      });

  @FuzzTest
  void read_anyLineAnyCuts_keepsTheReaderContract(byte[] line) {
    MODE_2.check(line);
  }
}
