package org.sngw.transport.ble.bluez;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.freedesktop.dbus.types.Variant;

/**
 * One running discovery: which of the adapter's devices advertise the service, and who hears of
 * each sighting. BlueZ has no "advertisement seen" signal; a device object appearing, or its RSSI
 * or advertising data changing, is how a sighting shows on D-Bus. Fed from dbus-java's signal
 * thread (and once from the central's executor, before discovery starts).
 */
final class BluezScan {
  /** Device properties that BlueZ updates when an advertisement arrives. */
  private static final Set<String> SIGHTING = Set.of(
      "RSSI", "TxPower", "UUIDs", "ManufacturerData", "ServiceData", "AdvertisingData");

  private final String adapterPath;
  private final String service;
  private final Consumer<NearbyDevice> deviceSeen;
  private final Set<String> advertisers = ConcurrentHashMap.newKeySet();

  BluezScan(String adapterPath, String service, Consumer<NearbyDevice> deviceSeen) {
    this.adapterPath = adapterPath;
    this.service = service;
    this.deviceSeen = deviceSeen;
  }

  /**
   * A device BlueZ already knew before this scan: not a sighting, but its later RSSI changes are,
   * and BlueZ will not announce it as new again.
   */
  void known(String path, Map<String, Variant<?>> device) {
    if (Bluez.deviceAddress(adapterPath, path).isPresent() && advertisesService(device)) {
      advertisers.add(path);
    }
  }

  /** A new device object, or changed properties of one. */
  void deviceChanged(String path, Map<String, Variant<?>> changed) {
    Bluez.deviceAddress(adapterPath, path).ifPresent(address -> {
      if (advertisesService(changed)) {
        advertisers.add(path);
      }
      if (advertisers.contains(path) && !Collections.disjoint(changed.keySet(), SIGHTING)) {
        Variant<?> rssi = changed.get("RSSI");
        deviceSeen.accept(new NearbyDevice(address, rssi != null && rssi.getValue() instanceof Number dbm
            ? OptionalInt.of(dbm.intValue()) : OptionalInt.empty()));
      }
    });
  }

  private boolean advertisesService(Map<String, Variant<?>> device) {
    Variant<?> uuids = device.get("UUIDs");
    return uuids != null && Bluez.strings(uuids.getValue()).stream().anyMatch(service::equalsIgnoreCase);
  }
}
