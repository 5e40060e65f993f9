package org.sngw.transport.serial.framing;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.sngw.transport.WirelessNodeId;

/**
 * What the frame data of a checked API frame means to the gateway:
 *
 * <pre>
 *   0x90 ZigBee Receive Packet:   0x90 | source 64-bit (8) | source 16-bit (2) | options | RF data
 *   0x80 RX Packet 64-bit (802.15.4): 0x80 | source 64-bit (8) | RSSI | options | RF data
 *   0x8B ZigBee Transmit Status:  0x8B | frame id | dest 16-bit (2) | retries | delivery | discovery
 *   0x89 TX Status (802.15.4):    0x89 | frame id | status
 * </pre>
 *
 * RF data is one MQTT-SN packet from the radio at the 64-bit source address, which becomes its
 * 8-byte {@link WirelessNodeId}. Transmit statuses answer our own requests and are consumed
 * without a word; any other frame type is reported as discarded.
 */
final class XBeeFrameData {
  private static final int ZIGBEE_RECEIVE = 0x90;
  private static final int RX_64 = 0x80;
  private static final int ZIGBEE_TRANSMIT_STATUS = 0x8B;
  private static final int TX_STATUS = 0x89;
  /** Bytes before the RF data: type, 64-bit address, 16-bit address, options. */
  private static final int ZIGBEE_RECEIVE_HEADER = 12;
  /** Bytes before the RF data: type, 64-bit address, RSSI, options. */
  private static final int RX_64_HEADER = 11;
  /** The most frame data a receive packet of the largest RF data takes. */
  static final int MAX_HEADER = ZIGBEE_RECEIVE_HEADER;
  /** Reasons are worded without String.format, which costs kilobytes a call: garbage stays cheap. */
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private XBeeFrameData() {}

  static void deliver(byte[] buf, int at, int length, int maxFrameSize, FrameHandler handler) {
    int type = buf[at] & 0xFF;
    if (type == ZIGBEE_RECEIVE) {
      receive(buf, at, length, ZIGBEE_RECEIVE_HEADER, maxFrameSize, handler);
    } else if (type == RX_64) {
      receive(buf, at, length, RX_64_HEADER, maxFrameSize, handler);
    } else if (type != ZIGBEE_TRANSMIT_STATUS && type != TX_STATUS) {
      handler.discarded("XBee API frame type 0x" + HEX.toHexDigits((byte) type) + " ignored");
    }
  }

  private static void receive(
      byte[] buf, int at, int length, int header, int maxFrameSize, FrameHandler handler) {
    int type = buf[at] & 0xFF;
    int data = length - header;
    if (data < 0) {
      handler.discarded(
          "XBee frame 0x" + HEX.toHexDigits((byte) type) + " of " + length + " bytes is too short");
    } else if (data == 0) {
      handler.discarded("XBee frame 0x" + HEX.toHexDigits((byte) type) + " carries no RF data");
    } else if (data > maxFrameSize) {
      handler.discarded("XBee RF data of " + data + " bytes is over the maximum " + maxFrameSize);
    } else {
      WirelessNodeId node = WirelessNodeId.of(Arrays.copyOfRange(buf, at + 1, at + 9));
      handler.frame(Optional.of(node), ByteBuffer.wrap(buf, at + header, data).slice());
    }
  }
}
