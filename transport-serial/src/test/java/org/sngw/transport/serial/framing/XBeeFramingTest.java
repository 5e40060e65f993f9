package org.sngw.transport.serial.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sngw.transport.serial.framing.Bytes.hex;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.property.Allocations;
import org.sngw.transport.WirelessNodeId;

class XBeeFramingTest {
  private static final String NODE = "0013a200415b2c1d";
  // Length 0x0D, CONNECT 0x04, Flags 0x04, ProtocolId 0x01, Duration 0x003C, ClientId "sensor1"
  private static final String CONNECT = "0D 04 04 01 003C 73656E736F7231";
  // 7E start, length 0x0019, 0x90 ZigBee Receive Packet, source 64-bit 0013A200415B2C1D, source
  // 16-bit 7D84, options 01 (acknowledged), RF data = the CONNECT, checksum B6
  private static final String RECEIVE_CONNECT = "7E 0019 90 0013A200415B2C1D 7D84 01 " + CONNECT + " B6";
  // The same in API mode 2: 0x13 in the address as 7D 33, 0x7D in the 16-bit address as 7D 5D
  private static final String RECEIVE_CONNECT_ESCAPED =
      "7E 0019 90 00 7D33 A200415B2C1D 7D5D 84 01 " + CONNECT + " B6";
  // 7E, length 0x000D, 0x80 RX Packet 64-bit, source 0013A200415B2C1D, RSSI 0x28 (-40 dBm),
  // options 00, RF data 02 16 (PINGREQ), checksum A5
  private static final String RX64_PINGREQ = "7E 000D 80 0013A200415B2C1D 28 00 0216 A5";
  // 7E, length 7, 0x8B ZigBee Transmit Status, frame id 01, 16-bit 7D84, retries 0, delivered 00,
  // no discovery 00, checksum 72
  private static final String TRANSMIT_STATUS = "7E 0007 8B 01 7D84 00 00 00 72";
  // 7E, length 3, 0x89 TX Status, frame id 01, success 00, checksum 75
  private static final String TX_STATUS = "7E 0003 89 01 00 75";
  // 7E, length 5, 0x88 AT Command Response, frame id 01, command "NI", status OK 00, checksum DF
  private static final String AT_RESPONSE = "7E 0005 88 01 4E49 00 DF";

  private final RecordingFrameHandler handler = new RecordingFrameHandler();

  @Test
  void read_zigbeeReceivePacket_emitsTheConnectFromThe64BitSource() {
    read(new XBeeFrameReader(64, false), RECEIVE_CONNECT);

    assertThat(handler.frames).containsExactly(NODE + "/" + Bytes.normal(CONNECT));
    assertThat(handler.discards).isEmpty();
  }

  @Test
  void read_escapedZigbeeReceivePacket_emitsTheSameConnect() {
    read(new XBeeFrameReader(64, true), RECEIVE_CONNECT_ESCAPED);

    assertThat(handler.frames).containsExactly(NODE + "/" + Bytes.normal(CONNECT));
  }

  @Test
  void read_rx64Packet_emitsItsRfData() {
    read(new XBeeFrameReader(64, false), RX64_PINGREQ);

    assertThat(handler.frames).containsExactly(NODE + "/0216");
  }

  @Test
  void read_transmitStatuses_areConsumedWithoutAWord() {
    read(new XBeeFrameReader(64, false), TRANSMIT_STATUS + TX_STATUS + RX64_PINGREQ);

    assertThat(handler.frames).containsExactly(NODE + "/0216");
    assertThat(handler.discards).isEmpty();
  }

  @Test
  void read_otherFrameType_isReportedIgnored() {
    read(new XBeeFrameReader(64, false), AT_RESPONSE);

    assertThat(handler.frames).isEmpty();
    assertThat(handler.discards).containsExactly("XBee API frame type 0x88 ignored");
  }

  @Test
  void read_manyIgnoredFrameTypes_allocatesLittleForEachReport() {
    byte[] line = hex(AT_RESPONSE.repeat(100));

    long bytes = Allocations.of(() -> new XBeeFrameReader(64, false).read(ByteBuffer.wrap(line), 0, handler));

    assertThat(bytes / 100).isLessThan(512);
  }

  @Test
  void read_badChecksum_skipsTheFrameAndReadsTheNext() {
    read(new XBeeFrameReader(64, false), "7E 0003 89 01 00 76" + RX64_PINGREQ);

    assertThat(handler.frames).containsExactly(NODE + "/0216");
    assertThat(handler.discards)
        .containsExactly("7 byte(s) skipped, the first because the checksum of a 7-byte frame is wrong");
  }

  @Test
  void read_falseStartSwallowingAFrame_findsTheFrameAgain() {
    // 7E 00 05 is garbage claiming 5 bytes: its checksum fails and the search resumes after it
    read(new XBeeFrameReader(64, false), "7E 0005" + RX64_PINGREQ);

    assertThat(handler.frames).containsExactly(NODE + "/0216");
    assertThat(handler.discards)
        .containsExactly("3 byte(s) skipped, the first because the checksum of a 9-byte frame is wrong");
  }

  @Test
  void read_lengthOverTheMaximum_skipsTheStartDelimiter() {
    // 64 bytes of RF data allow 76 bytes of frame data
    read(new XBeeFrameReader(64, false), "7E 004D" + RX64_PINGREQ);

    assertThat(handler.frames).containsExactly(NODE + "/0216");
    assertThat(handler.discards)
        .containsExactly("3 byte(s) skipped, the first because frame length 77 is not within 1..76");
  }

  @Test
  void read_garbageBetweenFrames_isReportedPerRun() {
    read(new XBeeFrameReader(64, false), "01 02 03" + RX64_PINGREQ + "04");

    assertThat(handler.frames).containsExactly(NODE + "/0216");
    assertThat(handler.discards).containsExactly(
        "3 byte(s) skipped, the first because it is no start delimiter",
        "1 byte(s) skipped, the first because it is no start delimiter");
  }

  @Test
  void read_escapedPartialFrameCutByAStart_isDroppedAndTheNextRead() {
    read(new XBeeFrameReader(64, true), "7E 0019 90 00" + RECEIVE_CONNECT_ESCAPED);

    assertThat(handler.frames).containsExactly(NODE + "/" + Bytes.normal(CONNECT));
    assertThat(handler.discards).containsExactly("XBee frame cut short after 5 bytes by a start delimiter");
  }

  @Test
  void read_escapedBadChecksum_dropsTheWholeFrame() {
    read(new XBeeFrameReader(64, true), "7E 0003 89 01 00 76" + TX_STATUS);

    assertThat(handler.discards).containsExactly("XBee frame dropped: the checksum of a 7-byte frame is wrong");
  }

  @Test
  void read_receivePacketTooShort_isReported() {
    // 0x90 with only half an address: length 5, checksum BA
    read(new XBeeFrameReader(64, false), "7E 0005 90 0013A200 BA");

    assertThat(handler.discards).containsExactly("XBee frame 0x90 of 5 bytes is too short");
  }

  @Test
  void read_receivePacketWithoutRfData_isReported() {
    read(new XBeeFrameReader(64, false), "7E 000C 90 0013A200415B2C1D 7D84 01 D3");

    assertThat(handler.discards).containsExactly("XBee frame 0x90 carries no RF data");
  }

  @Test
  void read_rfDataOverTheMaximum_isReported() {
    // The 0x80 header is a byte shorter than the 0x90 one the frame length limit allows for
    read(new XBeeFrameReader(1, false), RX64_PINGREQ);

    assertThat(handler.discards).containsExactly("XBee RF data of 2 bytes is over the maximum 1");
  }

  @Test
  void read_oneByteAtATime_emitsTheSameFrames() {
    for (boolean escaped : new boolean[] {false, true}) {
      XBeeFrameReader reader = new XBeeFrameReader(64, escaped);
      for (byte b : hex(escaped ? RECEIVE_CONNECT_ESCAPED : RECEIVE_CONNECT)) {
        reader.read(ByteBuffer.wrap(new byte[] {b}), 0, handler);
      }
    }

    assertThat(handler.frames).containsExactly(
        NODE + "/" + Bytes.normal(CONNECT), NODE + "/" + Bytes.normal(CONNECT));
  }

  @Test
  void reset_forgetsThePartialFrame() {
    XBeeFrameReader reader = new XBeeFrameReader(64, true);
    read(reader, "7E 0019 90");

    reader.reset();
    read(reader, RX64_PINGREQ);

    assertThat(handler.frames).containsExactly(NODE + "/0216");
    assertThat(handler.discards).isEmpty();
  }

  @Test
  void write_disconnect_isAZigbeeTransmitRequestToTheNode() {
    ByteBuffer out = new XBeeFrameWriter(false).write(node(NODE), ByteBuffer.wrap(hex("02 18")));

    // 7E, length 0x0010, 0x10 Transmit Request, frame id 01, destination 0013A200415B2C1D,
    // 16-bit FFFE (unknown), radius 00, options 00, RF data 02 18 (DISCONNECT), checksum 3D
    assertThat(Bytes.hex(out)).isEqualTo(Bytes.normal("7E 0010 10 01 0013A200415B2C1D FFFE 00 00 0218 3D"));
  }

  @Test
  void write_escaped_escapesTheAddress() {
    ByteBuffer out = new XBeeFrameWriter(true).write(node(NODE), ByteBuffer.wrap(hex("02 18")));

    assertThat(Bytes.hex(out)).isEqualTo(Bytes.normal("7E 0010 10 01 00 7D33 A200415B2C1D FFFE 00 00 0218 3D"));
  }

  @Test
  void write_manyFrames_cyclesFrameIdsThrough1To255() {
    XBeeFrameWriter writer = new XBeeFrameWriter(false);
    int[] ids = new int[256];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = writer.write(node(NODE), ByteBuffer.wrap(hex("02 16"))).get(4) & 0xFF;
    }

    assertThat(ids[0]).isEqualTo(1);
    assertThat(ids[254]).isEqualTo(255);
    assertThat(ids[255]).isEqualTo(1);
  }

  @Test
  void write_packet_leavesTheCallersPosition() {
    ByteBuffer packet = ByteBuffer.wrap(hex("02 16"));

    new XBeeFrameWriter(false).write(node(NODE), packet);

    assertThat(packet.position()).isZero();
  }

  @Test
  void write_withoutA64BitNode_isAWiringBug() {
    XBeeFrameWriter writer = new XBeeFrameWriter(false);
    ByteBuffer packet = ByteBuffer.wrap(hex("02 16"));

    assertThatThrownBy(() -> writer.write(Optional.empty(), packet))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a destination");
    assertThatThrownBy(() -> writer.write(node("ABCD"), packet))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64-bit address, not 2 bytes");
  }

  private void read(XBeeFrameReader reader, String spaced) {
    reader.read(ByteBuffer.wrap(hex(spaced)), 0, handler);
  }

  private static Optional<WirelessNodeId> node(String hex) {
    return Optional.of(WirelessNodeId.of(hex(hex)));
  }
}
