package org.sngw.transport.ble.bluez;

import com.github.hypfvieh.bluetooth.wrapper.BluetoothAdapter;
import com.github.hypfvieh.bluetooth.wrapper.BluetoothDevice;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bluez.Adapter1;
import org.bluez.Device1;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.transport.ble.central.BleCentral;
import org.sngw.transport.ble.central.BleConnection;
import org.sngw.transport.ble.central.BleException;
import org.sngw.transport.ble.central.GattProfile;

/**
 * The Bluetooth radio through BlueZ's D-Bus API (bluetoothd), with bluez-dbus's wrappers on a
 * D-Bus connection of its own. It only translates: discovery filter and sightings, Connect and
 * ServicesResolved, StartNotify and {@code Value} changes, WriteValue, {@code Connected=false}.
 *
 * <p>On a Raspberry Pi this needs: bluetoothd running ({@code systemctl status bluetooth}); the
 * gateway's user allowed to talk to {@code org.bluez} on the system bus, which Debian's D-Bus
 * policy grants to root and to members of the {@code bluetooth} group
 * ({@code usermod -aG bluetooth <user>}, then log in again); and the adapter powered
 * ({@code bluetoothctl power on}, or {@code AutoEnable=true} in {@code /etc/bluetooth/main.conf}),
 * and not blocked by rfkill ({@code rfkill unblock bluetooth}). BlueZ 5.62 or later reports the
 * negotiated ATT MTU; with older ones the payload size stays at the LE minimum of 20 bytes.
 *
 * <p>Blocking D-Bus calls run on two threads of the central's own ({@link DbusCalls}); callbacks
 * (sightings, notifications, disconnects) come on dbus-java's single signal thread, in order.
 */
public final class BluezCentral implements BleCentral {
  private static final Logger log = LoggerFactory.getLogger(BluezCentral.class);
  /** Longest a synchronous SPI method waits for BlueZ. */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
  /** Service discovery after connecting; slow peripherals with many services need a few seconds. */
  private static final Duration RESOLVE_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(3);

  private final String adapterName;
  private final String adapterPath;
  private final DBusConnection bus;
  private final BluetoothAdapter adapter;
  private final DbusCalls calls = new DbusCalls();
  private final CallSequence scanCalls = new CallSequence(calls);
  /** Device and characteristic object paths of live links, to route their property changes. */
  private final Map<String, BluezConnection> routes = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile BluezScan scan;

  private BluezCentral(String adapterName, String adapterPath, DBusConnection bus) throws DBusException {
    this.adapterName = adapterName;
    this.adapterPath = adapterPath;
    this.bus = bus;
    this.adapter = new BluetoothAdapter(
        bus.getRemoteObject(Bluez.BUS_NAME, adapterPath, Adapter1.class), adapterPath, bus);
  }

  /** The adapter (e.g. {@code hci0}) on the system bus, where bluetoothd lives. */
  public static BluezCentral open(String adapterName) throws BleException {
    return open(adapterName, Optional.empty());
  }

  /**
   * The adapter on the bus at {@code busAddress} (a D-Bus address such as
   * {@code unix:path=/run/dbus/system_bus_socket}), or on the system bus when empty. Blocks while
   * dbus-java connects; it retries an unreachable bus for about 10 s before this throws. BlueZ
   * itself need not be running yet: {@link #isAvailable()} tells.
   */
  public static BluezCentral open(String adapterName, Optional<String> busAddress) throws BleException {
    String adapterPath = Bluez.adapterPath(adapterName);
    DBusConnection bus;
    try {
      DBusConnectionBuilder builder = busAddress.isPresent()
          ? DBusConnectionBuilder.forAddress(busAddress.get())
          : DBusConnectionBuilder.forSystemBus();
      // Unshared, so closing this central leaves others alone; one signal thread keeps order.
      bus = builder.withShared(false)
          .receivingThreadConfig().withSignalThreadCount(1).connectionConfig()
          .build();
    } catch (DBusException | RuntimeException e) {
      throw Bluez.failure("cannot reach D-Bus at " + busAddress.orElse("the system bus"), e);
    }
    try {
      BluezCentral central = new BluezCentral(adapterName, adapterPath, bus);
      central.listen();
      return central;
    } catch (DBusException | RuntimeException e) {
      bus.disconnect();
      throw Bluez.failure("cannot listen to BlueZ's signals", e);
    }
  }

  /** The handlers live as long as the connection; closing it drops them, without a call to the bus. */
  private void listen() throws DBusException {
    bus.addSigHandler(Properties.PropertiesChanged.class, this::propertiesChanged);
    bus.addSigHandler(ObjectManager.InterfacesAdded.class, this::interfacesAdded);
    bus.addSigHandler(ObjectManager.InterfacesRemoved.class, this::interfacesRemoved);
    bus.addSigHandler(DBus.NameOwnerChanged.class, this::nameOwnerChanged);
  }

  @Override
  public boolean isAvailable() {
    try {
      return DbusCalls.await(
          calls.submit(() -> Boolean.TRUE.equals(properties(adapterPath).Get(Bluez.ADAPTER, "Powered"))),
          CALL_TIMEOUT, "read " + adapterName + "'s power state");
    } catch (BleException e) {
      log.debug("{} not available: {}", adapterName, e.getMessage());
      return false;
    }
  }

  @Override
  public void startScan(GattProfile profile, Consumer<String> deviceSeen) throws BleException {
    scan(profile, sighting -> deviceSeen.accept(sighting.address()));
  }

  /**
   * The peripherals heard advertising {@code profile}'s service while listening this long, the
   * strongest first; for {@code sngw ports}. Blocks for {@code listen}.
   */
  public List<NearbyDevice> nearby(GattProfile profile, Duration listen) throws BleException, InterruptedException {
    Map<String, NearbyDevice> heard = new ConcurrentHashMap<>();
    scan(profile, sighting -> heard.merge(sighting.address(), sighting,
        (before, now) -> now.rssi().isPresent() ? now : before));
    try {
      Thread.sleep(listen.toMillis());
    } finally {
      stopScan();
    }
    return heard.values().stream()
        .sorted(Comparator.comparingInt((NearbyDevice device) -> device.rssi().orElse(Integer.MIN_VALUE)).reversed()
            .thenComparing(NearbyDevice::address))
        .toList();
  }

  private void scan(GattProfile profile, Consumer<NearbyDevice> deviceSeen) throws BleException {
    String service = profile.service().toString();
    BluezScan next = new BluezScan(adapterPath, service, deviceSeen);
    DbusCalls.await(scanCalls.submit(() -> {
      adapter.setDiscoveryFilter(Map.of(
          "UUIDs", new Variant<>(new String[] {service}),
          "Transport", new Variant<>("le")));
      knownDevices().forEach(next::known);
      scan = next;
      try {
        adapter.getRawAdapter().StartDiscovery();
      } catch (DBusException | RuntimeException e) {
        scan = null;
        throw e;
      }
      return null;
    }), CALL_TIMEOUT, "start scanning on " + adapterName);
  }

  private Map<String, Map<String, Variant<?>>> knownDevices() throws DBusException {
    Map<String, Map<String, Variant<?>>> devices = new HashMap<>();
    Map<DBusPath, Map<String, Map<String, Variant<?>>>> objects =
        bus.getRemoteObject(Bluez.BUS_NAME, "/", ObjectManager.class).GetManagedObjects();
    objects.forEach((path, interfaces) -> {
      Map<String, Variant<?>> device = interfaces.get(Bluez.DEVICE);
      if (device != null) {
        devices.put(path.getPath(), device);
      }
    });
    return devices;
  }

  @Override
  public void stopScan() {
    if (scan == null) {
      return;
    }
    scan = null;
    scanCalls.submit(() -> {
      adapter.getRawAdapter().StopDiscovery();
      return null;
    }).whenComplete((ignored, error) -> {
      if (error != null) {
        log.warn(Bluez.failure("stop scanning on " + adapterName, error).getMessage());
      }
    });
  }

  @Override
  public CompletableFuture<BleConnection> connect(String deviceAddress, GattProfile profile) {
    if (!Bluez.isAddress(deviceAddress)) {
      return CompletableFuture.failedFuture(new BleException("not a Bluetooth address: " + deviceAddress));
    }
    String devicePath = Bluez.devicePath(adapterPath, deviceAddress);
    BluezConnection link;
    try {
      Device1 device = bus.getRemoteObject(Bluez.BUS_NAME, devicePath, Device1.class);
      link = new BluezConnection(deviceAddress, new BluetoothDevice(device, adapter, devicePath, bus),
          calls, routes);
    } catch (DBusException e) {
      return CompletableFuture.failedFuture(Bluez.failure("connect to " + deviceAddress, e));
    }
    if (routes.putIfAbsent(devicePath, link) != null) {
      return CompletableFuture.failedFuture(
          new BleException(deviceAddress + " is already connected or connecting"));
    }
    return calls.submit(() -> {
      link.connectBlocking();
      return null;
    })
        .thenCompose(ignored -> DbusCalls.within(link.servicesResolved(), RESOLVE_TIMEOUT,
            "GATT services not resolved within " + RESOLVE_TIMEOUT.toSeconds() + " s"))
        .thenCompose(ignored -> calls.submit(() -> link.attachBlocking(profile)))
        .exceptionallyCompose(error -> {
          link.abandon();
          return CompletableFuture.failedFuture(Bluez.failure("connect to " + deviceAddress, error));
        });
  }

  private Properties properties(String path) throws DBusException {
    return bus.getRemoteObject(Bluez.BUS_NAME, path, Properties.class);
  }

  private void propertiesChanged(Properties.PropertiesChanged signal) {
    String path = signal.getPath();
    BluezConnection link = routes.get(path);
    if (link != null) {
      link.propertiesChanged(path, signal.getInterfaceName(), signal.getPropertiesChanged());
    }
    BluezScan current = scan;
    if (current != null && Bluez.DEVICE.equals(signal.getInterfaceName())) {
      current.deviceChanged(path, signal.getPropertiesChanged());
    }
  }

  private void interfacesAdded(ObjectManager.InterfacesAdded signal) {
    Map<String, Variant<?>> device = signal.getInterfaces().get(Bluez.DEVICE);
    BluezScan current = scan;
    if (current != null && device != null) {
      current.deviceChanged(signal.getSignalSource().getPath(), device);
    }
  }

  /** bluetoothd drops a device's object when it forgets it, and the adapter's when unplugged. */
  private void interfacesRemoved(ObjectManager.InterfacesRemoved signal) {
    String removed = signal.getSignalSource().getPath();
    for (BluezConnection link : links()) {
      if (link.devicePath().equals(removed) || link.devicePath().startsWith(removed + "/")) {
        link.gone();
      }
    }
  }

  /** bluetoothd stopped or restarted: its links are gone without a Connected=false. */
  private void nameOwnerChanged(DBus.NameOwnerChanged signal) {
    if (Bluez.BUS_NAME.equals(signal.name) && signal.newOwner.isEmpty()) {
      log.warn("bluetoothd left the bus; dropping {} BLE links", links().size());
      links().forEach(BluezConnection::gone);
    }
  }

  private List<BluezConnection> links() {
    return routes.values().stream().distinct().toList();
  }

  /** Stops scanning, disconnects every link (waiting a few seconds at most) and leaves the bus. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    stopScan();
    List<BluezConnection> open = links();
    open.forEach(BluezConnection::disconnect);
    calls.shutdown(CLOSE_GRACE);
    open.forEach(BluezConnection::gone);
    try {
      bus.close();
    } catch (IOException e) {
      log.debug("closing the D-Bus connection: {}", e.getMessage());
    }
  }
}
