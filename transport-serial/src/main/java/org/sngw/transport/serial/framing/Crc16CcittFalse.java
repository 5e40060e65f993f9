package org.sngw.transport.serial.framing;

/**
 * CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, bits not reflected, no final XOR;
 * "123456789" gives 0x29B1. On AVR, avr-libc's {@code _crc_xmodem_update} started from 0xFFFF
 * computes it (its {@code _crc_ccitt_update} is a different, reflected CRC).
 */
final class Crc16CcittFalse {
  private static final int POLYNOMIAL = 0x1021;

  private Crc16CcittFalse() {}

  static int of(byte[] bytes, int offset, int length) {
    int crc = 0xFFFF;
    for (int i = offset; i < offset + length; i++) {
      crc ^= (bytes[i] & 0xFF) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = ((crc & 0x8000) != 0 ? crc << 1 ^ POLYNOMIAL : crc << 1) & 0xFFFF;
      }
    }
    return crc;
  }
}
