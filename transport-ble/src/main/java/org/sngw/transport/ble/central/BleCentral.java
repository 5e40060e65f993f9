package org.sngw.transport.ble.central;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The Bluetooth radio as the gateway needs it, and nothing more: the only code that talks to BlueZ
 * implements this; everything above it (framing, fragmentation, sessions, reconnects) is tested
 * against an in-memory central. Callbacks and futures complete on the implementation's threads.
 */
public interface BleCentral extends AutoCloseable {
  /** Whether the adapter exists and is powered; false when BlueZ is not running or the radio is off. */
  boolean isAvailable();

  /**
   * Starts looking for peripherals that advertise {@code profile}'s service; each sighting is
   * reported (repeatedly, while the device advertises).
   */
  void startScan(GattProfile profile, Consumer<String> deviceSeen) throws BleException;

  void stopScan();

  /**
   * Connects, finds the profile's characteristics and enables notifications on the one the
   * peripheral sends on.
   */
  CompletableFuture<BleConnection> connect(String deviceAddress, GattProfile profile);

  @Override
  void close();
}
