package org.sngw.transport.ble.bluez;

import java.util.OptionalInt;

/**
 * A peripheral heard advertising the service during a scan, as {@code sngw ports} lists it.
 *
 * @param rssi its last signal strength in dBm, when BlueZ reported one
 */
public record NearbyDevice(String address, OptionalInt rssi) {
  /** One line: the address, and the signal when known. */
  public String line() {
    return address + (rssi.isPresent() ? "  RSSI " + rssi.getAsInt() + " dBm" : "");
  }
}
