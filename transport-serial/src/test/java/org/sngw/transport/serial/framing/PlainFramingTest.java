package org.sngw.transport.serial.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.transport.serial.framing.Bytes.hex;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.transport.WirelessNodeId;

class PlainFramingTest {
  private static final long MS = 1_000_000L;
  // Length 0x02, PINGREQ 0x16
  private static final String PINGREQ = "02 16";
  // Length 0x04, DISCONNECT 0x18, Duration 0x012C (asleep for 300 s)
  private static final String SLEEPING_DISCONNECT = "04 18 012C";

  private final PlainFrameReader reader = new PlainFrameReader(64, Duration.ofMillis(100));
  private final RecordingFrameHandler handler = new RecordingFrameHandler();

  @Test
  void read_packetsBackToBack_emitsEachWithoutNode() {
    reader.read(ByteBuffer.wrap(hex(PINGREQ + SLEEPING_DISCONNECT)), 0, handler);

    assertThat(handler.frames).containsExactly("-/0216", "-/0418012c");
  }

  @Test
  void read_garbageBeforePacket_reportsItDiscarded() {
    reader.read(ByteBuffer.wrap(hex("00" + PINGREQ)), 0, handler);

    assertThat(handler.frames).containsExactly("-/0216");
    assertThat(handler.discards).containsExactly("1 byte(s) skipped, the first because length 0 is below 2");
  }

  @Test
  void read_partialPacketNotContinuedInTime_isDroppedAndTheNextReadStandsAlone() {
    reader.read(ByteBuffer.wrap(hex("04 18")), 0, handler);
    reader.read(ByteBuffer.wrap(hex(PINGREQ)), 101 * MS, handler);

    assertThat(handler.frames).containsExactly("-/0216");
    assertThat(handler.discards).containsExactly("partial frame of 2 bytes not continued within 100 ms");
  }

  @Test
  void reset_forgetsPartialPacket() {
    reader.read(ByteBuffer.wrap(hex("04 18")), 0, handler);

    reader.reset();
    reader.read(ByteBuffer.wrap(hex(PINGREQ)), 1, handler);

    assertThat(handler.frames).containsExactly("-/0216");
  }

  @Test
  void write_packet_returnsItAsItIsAndLeavesTheCallersPosition() {
    ByteBuffer packet = ByteBuffer.wrap(hex("FF" + SLEEPING_DISCONNECT)).position(1);

    ByteBuffer out = new PlainFrameWriter().write(Optional.of(WirelessNodeId.of(new byte[] {1})), packet);

    assertThat(Bytes.hex(out)).isEqualTo("0418012c");
    assertThat(packet.position()).isEqualTo(1);
  }
}
