package org.sngw.transport;

import java.util.Locale;
import java.util.Objects;

/** A BLE peripheral by its device address, normalised to upper case {@code AA:BB:CC:DD:EE:FF}. */
public record BlePeer(String deviceAddress) implements PeerAddress {
  public BlePeer {
    Objects.requireNonNull(deviceAddress, "deviceAddress");
    deviceAddress = deviceAddress.toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "ble:" + deviceAddress;
  }
}
