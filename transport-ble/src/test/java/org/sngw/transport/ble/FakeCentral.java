package org.sngw.transport.ble;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.sngw.transport.ble.central.BleCentral;
import org.sngw.transport.ble.central.BleConnection;
import org.sngw.transport.ble.central.BleException;
import org.sngw.transport.ble.central.GattProfile;

/**
 * An in-memory radio: peripherals the test creates advertise when told to, and are connected to
 * as each one's {@link FakePeripheral.Answer} says. Calls back on the caller's thread, at once; safe
 * to drive from a test thread while a real transport thread uses it, as far as the tests need.
 */
final class FakeCentral implements BleCentral {
  private final Map<String, FakePeripheral> peripherals = new LinkedHashMap<>();
  /** What the transport asked of the radio, in order: {@code scan}, {@code stop}, {@code connect <address>}. */
  final List<String> calls = new CopyOnWriteArrayList<>();
  volatile boolean available = true;
  /** The radio refuses to scan though the adapter is there (BlueZ: InProgress, NotReady). */
  boolean refuseScan;
  int availabilityChecks;
  boolean scannedWhileConnecting;
  volatile boolean closed;
  GattProfile scannedProfile;
  private volatile Consumer<String> scan;

  FakePeripheral peripheral(String address) {
    return peripherals.computeIfAbsent(address, a -> new FakePeripheral(a, this));
  }

  /** Every peripheral not connected advertises once; heard only while scanning. */
  void advertiseAll() {
    for (FakePeripheral peripheral : List.copyOf(peripherals.values())) {
      peripheral.advertise();
    }
  }

  void sighting(String address) {
    if (scan != null) {
      scan.accept(address);
    }
  }

  boolean scanning() {
    return scan != null;
  }

  long connectAttempts(String address) {
    return calls.stream().filter(c -> c.equals("connect " + address)).count();
  }

  @Override
  public boolean isAvailable() {
    availabilityChecks++;
    return available;
  }

  @Override
  public void startScan(GattProfile profile, Consumer<String> deviceSeen) throws BleException {
    if (!available || refuseScan) {
      throw new BleException("org.bluez.Error.NotReady: Resource Not Ready");
    }
    calls.add("scan");
    scannedProfile = profile;
    scan = deviceSeen;
  }

  @Override
  public void stopScan() {
    calls.add("stop");
    scan = null;
  }

  @Override
  public CompletableFuture<BleConnection> connect(String deviceAddress, GattProfile profile) {
    calls.add("connect " + deviceAddress);
    scannedWhileConnecting |= scan != null;
    FakePeripheral peripheral = peripherals.get(deviceAddress);
    if (peripheral == null) {
      return CompletableFuture.failedFuture(new BleException("no such device"));
    }
    return peripheral.connectRequested();
  }

  @Override
  public void close() {
    closed = true;
    scan = null;
  }
}
