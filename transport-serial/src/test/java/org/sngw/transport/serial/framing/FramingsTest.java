package org.sngw.transport.serial.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.transport.serial.framing.Bytes.hex;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import org.sngw.transport.WirelessNodeId;

class FramingsTest {
  private static final long MS = 1_000_000L;
  // Length 0x04, DISCONNECT 0x18, Duration 0x012C: a zero-free, escape-free sleeping DISCONNECT
  private static final String PACKET = "04 18 012C";

  @ParameterizedTest
  @EnumSource(value = Framing.class, names = {"PLAIN", "COBS", "COBS_CRC"})
  void writerThenReader_lineFramings_giveThePacketBack(Framing framing) {
    ByteBuffer line = Framings.writer(framing).write(Optional.empty(), ByteBuffer.wrap(hex(PACKET)));
    RecordingFrameHandler handler = new RecordingFrameHandler();

    Framings.reader(framing, 64).read(line, 0, handler);

    assertThat(handler.frames).containsExactly("-/0418012c");
  }

  @ParameterizedTest
  @EnumSource(value = Framing.class, names = {"XBEE", "XBEE_ESCAPED"})
  void writer_xbeeFramings_sendATransmitRequestToTheNode(Framing framing) {
    Optional<WirelessNodeId> node = Optional.of(WirelessNodeId.of(hex("0013A200415B2C1D")));

    ByteBuffer line = Framings.writer(framing).write(node, ByteBuffer.wrap(hex(PACKET)));

    assertThat(line.get(3)).isEqualTo((byte) 0x10);
    assertThat(Bytes.hex(line)).contains(framing == Framing.XBEE ? "0013a200" : "007d33a200");
  }

  @ParameterizedTest
  @EnumSource(value = Framing.class, names = {"XBEE", "XBEE_ESCAPED"})
  void reader_xbeeFramings_readReceivePacketsInTheirMode(Framing framing) {
    // 0x80 RX Packet 64-bit from 0013A200415B2C1D carrying a PINGREQ; in mode 2 its 0x13 escaped
    byte[] frame = hex(framing == Framing.XBEE
        ? "7E 000D 80 0013A200415B2C1D 28 00 0216 A5"
        : "7E 000D 80 00 7D33 A200415B2C1D 28 00 0216 A5");
    RecordingFrameHandler handler = new RecordingFrameHandler();

    Framings.reader(framing, 64).read(ByteBuffer.wrap(frame), 0, handler);

    assertThat(handler.frames).containsExactly("0013a200415b2c1d/0216");
  }

  @ParameterizedTest
  @EnumSource(value = Framing.class, mode = Mode.EXCLUDE, names = {"XBEE", "XBEE_ESCAPED"})
  void reader_maxFrameSize_dropsLongerPackets(Framing framing) {
    ByteBuffer line = Framings.writer(framing).write(Optional.empty(), ByteBuffer.wrap(hex(PACKET)));
    RecordingFrameHandler handler = new RecordingFrameHandler();

    Framings.reader(framing, 3).read(line, 0, handler);

    assertThat(handler.frames).isEmpty();
    assertThat(handler.discards).isNotEmpty();
  }

  @Test
  void reader_plainWithATimeout_usesIt() {
    FrameReader reader = Framings.reader(Framing.PLAIN, 64, Duration.ofMillis(20));
    RecordingFrameHandler handler = new RecordingFrameHandler();

    reader.read(ByteBuffer.wrap(hex("04 18")), 0, handler);
    reader.read(ByteBuffer.wrap(hex("012C")), 21 * MS, handler);

    assertThat(handler.discards).containsExactly("partial frame of 2 bytes not continued within 20 ms");
  }

  @Test
  void reader_plainByDefault_waits100Ms() {
    FrameReader reader = Framings.reader(Framing.PLAIN, 64);
    RecordingFrameHandler handler = new RecordingFrameHandler();

    reader.read(ByteBuffer.wrap(hex("04 18")), 0, handler);
    reader.read(ByteBuffer.wrap(hex("012C")), 100 * MS, handler);

    assertThat(handler.frames).containsExactly("-/0418012c");
  }
}
