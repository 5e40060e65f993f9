package org.sngw.transport.serial.framing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.sngw.transport.serial.framing.ReaderContract.Resumption;
import org.sngw.transport.serial.framing.XBeeFrames.Receive;

/**
 * Any bytes from an XBee coordinator in API mode 1 ({@link ReaderContract}). A 0x7E in the
 * garbage may be a false start claiming up to a frame of the largest length, settled only once
 * that many bytes are in: so after the garbage come that many bytes without a 0x7E, then the frame.
 */
class XBeeMode1FrameReaderFuzzTest {
  private static final ReaderContract MODE_1 = ReaderContract.radio(
      XBeeFrames.NODE_LENGTH, max -> new XBeeFrameReader(max, false), (garbage, max) -> {
        Receive receive = XBeeFrames.receiveOf(garbage, max);
        byte[] quiet = new byte[max + XBeeFrameData.MAX_HEADER + XBeeApi.ENVELOPE];
        return new Resumption(0, Bytes.concat(quiet, receive.frame(false)), receive.entry());
      });

  @FuzzTest
  void read_anyLineAnyCuts_keepsTheReaderContract(byte[] line) {
    MODE_1.check(line);
  }
}
