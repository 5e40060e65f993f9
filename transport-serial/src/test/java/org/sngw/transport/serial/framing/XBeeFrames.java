package org.sngw.transport.serial.framing;

import java.io.ByteArrayOutputStream;
import org.sngw.property.Gen;

/**
 * API frames as a coordinator sends them, built here independently of the reader and writer, so
 * that a test does not check the code against itself.
 */
final class XBeeFrames {
  /** A 64-bit source address. */
  static final int NODE_LENGTH = 8;

  /** Bytes that are often 0x7E, 0x7D, 0x11 or 0x13, one draw in three. */
  static final Gen<Byte> OFTEN_SPECIAL = draw -> draw.weighted(1, 2) == 0
      ? draw.of((byte) 0x7E, (byte) 0x7D, (byte) 0x11, (byte) 0x13)
      : draw.anyByte();

  private XBeeFrames() {}

  /** One API frame in mode 1. */
  sealed interface Item {
    byte[] frame();

    /** The frame in the given mode. */
    default byte[] frame(boolean escaped) {
      return escaped ? escape(frame()) : frame();
    }
  }

  /** 0x90 ZigBee Receive Packet or 0x80 RX Packet 64-bit. */
  record Receive(boolean zigbee, byte[] node, byte[] data) implements Item {
    @Override
    public byte[] frame() {
      ByteArrayOutputStream frameData = new ByteArrayOutputStream();
      frameData.write(zigbee ? 0x90 : 0x80);
      frameData.writeBytes(node);
      if (zigbee) {
        frameData.writeBytes(new byte[] {0x7D, (byte) 0x84, 0x01}); // 16-bit address, options
      } else {
        frameData.writeBytes(new byte[] {0x28, 0x00}); // RSSI, options
      }
      frameData.writeBytes(data);
      return envelope(frameData.toByteArray());
    }

    /** What {@link RecordingFrameHandler} records for the packet this frame carries. */
    String entry() {
      return Bytes.hex(node) + "/" + Bytes.hex(data);
    }
  }

  /** 0x8B ZigBee Transmit Status or 0x89 TX Status, for a frame id. */
  record Status(boolean zigbee, byte frameId) implements Item {
    @Override
    public byte[] frame() {
      return envelope(zigbee
          ? new byte[] {(byte) 0x8B, frameId, 0x7D, (byte) 0x84, 0, 0, 0}
          : new byte[] {(byte) 0x89, frameId, 0});
    }
  }

  /**
   * A receive packet made of a line's bytes: the first eight its node, as many of the rest as
   * {@code max} allows its RF data, at least one; a ZigBee Receive Packet for a line of even
   * length, an RX Packet 64-bit for an odd one.
   */
  static Receive receiveOf(byte[] bytes, int max) {
    int data = Math.max(1, Math.min(bytes.length - NODE_LENGTH, max));
    byte[] node = Bytes.take(bytes, 0, NODE_LENGTH);
    return new Receive(bytes.length % 2 == 0, node, Bytes.take(bytes, NODE_LENGTH, data));
  }

  /** Start delimiter, length, frame data and checksum. */
  static byte[] envelope(byte[] frameData) {
    byte[] out = new byte[frameData.length + 4];
    out[0] = 0x7E;
    out[1] = (byte) (frameData.length >> 8);
    out[2] = (byte) frameData.length;
    System.arraycopy(frameData, 0, out, 3, frameData.length);
    int sum = 0;
    for (byte b : frameData) {
      sum += b & 0xFF;
    }
    out[out.length - 1] = (byte) (0xFF - (sum & 0xFF));
    return out;
  }

  /** API mode 2 of a mode 1 frame. */
  static byte[] escape(byte[] frame) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(frame[0]);
    for (int i = 1; i < frame.length; i++) {
      int b = frame[i] & 0xFF;
      if (b == 0x7E || b == 0x7D || b == 0x11 || b == 0x13) {
        out.write(0x7D);
        out.write(b ^ 0x20);
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  static byte[] unescape(byte[] escaped) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < escaped.length; i++) {
      out.write(escaped[i] == 0x7D ? escaped[++i] ^ 0x20 : escaped[i]);
    }
    return out.toByteArray();
  }
}
