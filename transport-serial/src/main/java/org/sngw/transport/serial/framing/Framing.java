package org.sngw.transport.serial.framing;

/** How MQTT-SN packets are delimited on the line. */
public enum Framing {
  /** Bare MQTT-SN packets back to back, delimited by their own length field. */
  PLAIN,
  /** COBS frames ending in 0x00, as Arduino's PacketSerial sends them. */
  COBS,
  /** COBS frames with a CRC-16 trailer, for noisy lines. */
  COBS_CRC,
  /** XBee API mode 1 frames: receive/transmit packets, one radio node address per sensor. */
  XBEE,
  /** XBee API mode 2: API frames with escaped control bytes. */
  XBEE_ESCAPED;

  /** Whether frames carry a radio node address, so one port reaches many sensors and can broadcast. */
  public boolean addressesRadios() {
    return this == XBEE || this == XBEE_ESCAPED;
  }
}
