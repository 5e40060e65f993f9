package org.sngw.transport.serial.framing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.sngw.transport.serial.framing.ReaderContract.Resumption;

/** Any bytes on a COBS line ({@link ReaderContract}). */
class CobsFrameReaderFuzzTest {
  private static final byte[] DELIMITER = {0};
  private static final ReaderContract COBS = contract(false);

  @FuzzTest
  void read_anyLineAnyCuts_keepsTheReaderContract(byte[] line) {
    COBS.check(line);
  }

  /** Every 0x00 ends a frame, so one after the garbage is enough; the packet is the line's start. */
  static ReaderContract contract(boolean crc) {
    return ReaderContract.line(max -> new CobsFrameReader(max, crc), (garbage, max) -> {
      byte[] packet = Bytes.take(garbage, 0, Math.max(1, Math.min(garbage.length, max)));
      ByteBuffer frame = new CobsFrameWriter(crc).write(Optional.empty(), ByteBuffer.wrap(packet));
      return new Resumption(0, Bytes.concat(DELIMITER, Bytes.array(frame)), "-/" + Bytes.hex(packet));
    });
  }
}
