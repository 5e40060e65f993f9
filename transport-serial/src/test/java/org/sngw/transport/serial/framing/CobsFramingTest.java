package org.sngw.transport.serial.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.transport.serial.framing.Bytes.hex;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.property.Allocations;

class CobsFramingTest {
  // PacketSerial's own send() example, the packet { 255, 10 }: code 0x03 (two bytes, no zero),
  // 0xFF, 0x0A, delimiter 0x00
  private static final String PACKET_SERIAL_EXAMPLE = "03 FF 0A 00";
  // CONNECT (Length 0x0D, CONNECT 0x04, Flags 0x04, ProtocolId 0x01, Duration 0x003C, ClientId
  // "sensor1") in COBS: code 0x05 for 0D 04 04 01 and the Duration's zero high byte, code 0x09
  // for 3C and "sensor1", delimiter
  private static final String CONNECT_COBS = "05 0D0404 01 09 3C 73656E736F7231 00";
  // The same CONNECT, then CRC-16/CCITT-FALSE 0xB711 high byte first, in COBS: the second block
  // grows to code 0x0B for the two CRC bytes, delimiter
  private static final String CONNECT_COBS_CRC = "05 0D0404 01 0B 3C 73656E736F7231 B711 00";
  private static final String CONNECT = "0D 04 04 01 003C 73656E736F7231";
  // The same with the Duration's low byte 3C flipped to 3D after the CRC was taken
  private static final String CONNECT_FLIPPED_BIT_COBS_CRC = "05 0D0404 01 0B 3D 73656E736F7231 B711 00";
  // PINGREQ 02 16, CRC 0x099A; no zero anywhere, so one block of code 0x05, delimiter
  private static final String PINGREQ_COBS_CRC = "05 0216 099A 00";

  private final RecordingFrameHandler handler = new RecordingFrameHandler();

  @Test
  void read_packetSerialsExample_emitsItsPacket() {
    read(new CobsFrameReader(64, false), PACKET_SERIAL_EXAMPLE);

    assertThat(handler.frames).containsExactly("-/ff0a");
  }

  @Test
  void read_connect_emitsItWithItsZeroByteRestored() {
    read(new CobsFrameReader(64, false), CONNECT_COBS);

    assertThat(handler.frames).containsExactly("-/" + Bytes.normal(CONNECT));
  }

  @Test
  void read_leadingAndRepeatedDelimiters_areSkippedQuietly() {
    read(new CobsFrameReader(64, false), "00 00" + PACKET_SERIAL_EXAMPLE + "00 00" + CONNECT_COBS);

    assertThat(handler.frames).hasSize(2);
    assertThat(handler.discards).isEmpty();
  }

  @Test
  void read_blockRunningPastTheDelimiter_isDroppedAndTheNextFrameRead() {
    read(new CobsFrameReader(64, false), "05 11 22 00" + PACKET_SERIAL_EXAMPLE);

    assertThat(handler.frames).containsExactly("-/ff0a");
    assertThat(handler.discards).containsExactly("COBS frame of 3 bytes has a block running past its end");
  }

  @Test
  void read_frameOverTheBuffer_isDroppedUpToItsDelimiterAndReportedOnce() {
    // 4-byte maximum: at most 5 encoded bytes are buffered
    read(new CobsFrameReader(4, false), "07 010203040506 00" + PACKET_SERIAL_EXAMPLE);

    assertThat(handler.frames).containsExactly("-/ff0a");
    assertThat(handler.discards).containsExactly("COBS frame longer than 5 encoded bytes dropped");
  }

  @Test
  void read_frameDecodingOverTheMaximum_isDropped() {
    // 255 zeros encode to 256 empty blocks: within the 256-byte buffer for 254, yet 255 decoded
    read(new CobsFrameReader(254, false), "01".repeat(256) + "00");

    assertThat(handler.frames).isEmpty();
    assertThat(handler.discards).containsExactly("frame of 255 bytes is over the maximum 254");
  }

  @Test
  void read_emptyFrame_isReported() {
    read(new CobsFrameReader(64, false), "01 00");

    assertThat(handler.discards).containsExactly("empty frame");
  }

  @Test
  void read_connectWithGoodCrc_emitsItWithoutTheCrc() {
    read(new CobsFrameReader(64, true), CONNECT_COBS_CRC);

    assertThat(handler.frames).containsExactly("-/" + Bytes.normal(CONNECT));
  }

  @Test
  void read_connectWithFlippedBit_isDroppedForItsCrc() {
    read(new CobsFrameReader(64, true), CONNECT_FLIPPED_BIT_COBS_CRC + PINGREQ_COBS_CRC);

    assertThat(handler.frames).containsExactly("-/0216");
    assertThat(handler.discards)
        .containsExactly("CRC-16 0xB711 of a 13-byte frame does not match its contents");
  }

  @Test
  void read_manyFramesFailingTheirCrc_allocatesLittleForEachReport() {
    byte[] line = hex(CONNECT_FLIPPED_BIT_COBS_CRC.repeat(100));

    long bytes = Allocations.of(() -> new CobsFrameReader(64, true).read(ByteBuffer.wrap(line), 0, handler));

    assertThat(bytes / 100).isLessThan(512);
  }

  @Test
  void read_frameShorterThanACrc_isDropped() {
    read(new CobsFrameReader(64, true), "02 16 00");

    assertThat(handler.discards).containsExactly("frame of 1 bytes is too short for its CRC-16");
  }

  @Test
  void read_oneByteAtATime_emitsTheSameFrame() {
    CobsFrameReader reader = new CobsFrameReader(64, true);
    for (byte b : hex(CONNECT_COBS_CRC)) {
      reader.read(ByteBuffer.wrap(new byte[] {b}), 0, handler);
    }

    assertThat(handler.frames).containsExactly("-/" + Bytes.normal(CONNECT));
  }

  @Test
  void reset_forgetsThePartialFrame() {
    CobsFrameReader reader = new CobsFrameReader(64, false);
    read(reader, "05 0D04");

    reader.reset();
    read(reader, PACKET_SERIAL_EXAMPLE);

    assertThat(handler.frames).containsExactly("-/ff0a");
  }

  @Test
  void write_packetSerialsExample_givesItsBytes() {
    assertThat(write(new CobsFrameWriter(false), "FF 0A")).isEqualTo(Bytes.normal(PACKET_SERIAL_EXAMPLE));
  }

  @Test
  void write_connectWithCrc_givesTheFixture() {
    assertThat(write(new CobsFrameWriter(true), CONNECT)).isEqualTo(Bytes.normal(CONNECT_COBS_CRC));
    assertThat(write(new CobsFrameWriter(true), "02 16")).isEqualTo(Bytes.normal(PINGREQ_COBS_CRC));
  }

  @Test
  void write_packet_leavesTheCallersPosition() {
    ByteBuffer packet = ByteBuffer.wrap(hex("02 16"));

    new CobsFrameWriter(false).write(Optional.empty(), packet);

    assertThat(packet.position()).isZero();
  }

  private void read(CobsFrameReader reader, String spaced) {
    reader.read(ByteBuffer.wrap(hex(spaced)), 0, handler);
  }

  private static String write(CobsFrameWriter writer, String packet) {
    return Bytes.hex(writer.write(Optional.empty(), ByteBuffer.wrap(hex(packet))));
  }
}
