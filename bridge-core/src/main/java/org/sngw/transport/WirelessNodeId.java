package org.sngw.transport;

import java.util.Arrays;
import java.util.HexFormat;

/** An opaque radio-level node address (MQTT-SN forwarder node id, XBee 64-bit address). */
public final class WirelessNodeId {
  private final byte[] bytes;

  private WirelessNodeId(byte[] bytes) {
    this.bytes = bytes;
  }

  public static WirelessNodeId of(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("a wireless node id has at least one byte");
    }
    return new WirelessNodeId(bytes.clone());
  }

  public int length() {
    return bytes.length;
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WirelessNodeId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
