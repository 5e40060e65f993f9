package org.sngw.transport.serial.framing;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes on a COBS line whose frames end in a CRC-16 ({@link ReaderContract}). */
class CobsCrcFrameReaderFuzzTest {
  private static final ReaderContract COBS_CRC = CobsFrameReaderFuzzTest.contract(true);

  @FuzzTest
  void read_anyLineAnyCuts_keepsTheReaderContract(byte[] line) {
    COBS_CRC.check(line);
  }
}
