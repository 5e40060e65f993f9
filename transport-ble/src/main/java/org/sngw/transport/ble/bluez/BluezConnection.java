package org.sngw.transport.ble.bluez;

import com.github.hypfvieh.bluetooth.wrapper.BluetoothDevice;
import com.github.hypfvieh.bluetooth.wrapper.BluetoothGattCharacteristic;
import com.github.hypfvieh.bluetooth.wrapper.BluetoothGattService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.sngw.transport.ble.central.BleConnection;
import org.sngw.transport.ble.central.BleException;
import org.sngw.transport.ble.central.GattProfile;

/**
 * One peripheral's link. Property changes arrive on dbus-java's single signal thread, in order;
 * writes and disconnect run on the central's {@link DbusCalls}. Objects of BlueZ this link hears
 * about are listed in {@code routes} (device and characteristic paths) while the link lives.
 */
final class BluezConnection implements BleConnection {
  private static final int DEFAULT_ATT_MTU = 23;
  private static final int ATT_HEADER = 3;
  /** Notifications kept for a listener that is not registered yet; a sensor may talk at once. */
  private static final int MAX_EARLY_NOTIFICATIONS = 64;

  private final String address;
  private final String devicePath;
  private final BluetoothDevice device;
  private final DbusCalls calls;
  private final CallSequence writes;
  private final Map<String, BluezConnection> routes;
  private final CompletableFuture<Void> servicesResolved = new CompletableFuture<>();
  private final AtomicBoolean gone = new AtomicBoolean();
  private final Object listenerLock = new Object();

  private volatile BluetoothGattCharacteristic receive;
  private volatile String sendPath = "";
  private volatile int attMtu = DEFAULT_ATT_MTU;
  private Consumer<byte[]> notificationListener;
  private final List<byte[]> earlyNotifications = new ArrayList<>();
  private Runnable disconnectedListener;
  private boolean disconnectedSeen;

  BluezConnection(String address, BluetoothDevice device, DbusCalls calls,
      Map<String, BluezConnection> routes) {
    this.address = address;
    this.devicePath = device.getDbusPath();
    this.device = device;
    this.calls = calls;
    this.writes = new CallSequence(calls);
    this.routes = routes;
  }

  String devicePath() {
    return devicePath;
  }

  /** Completes when BlueZ has discovered the peripheral's GATT services. */
  CompletableFuture<Void> servicesResolved() {
    return servicesResolved;
  }

  /** Connects; blocks, so runs on {@link DbusCalls}. */
  void connectBlocking() throws Exception {
    device.getRawDevice().Connect();
    // Already connected before (another client, an earlier run): no ServicesResolved change comes.
    if (Boolean.TRUE.equals(device.isServicesResolved())) {
      servicesResolved.complete(null);
    }
  }

  /** Finds the profile's characteristics and subscribes to notifications; blocks. */
  BleConnection attachBlocking(GattProfile profile) throws Exception {
    BluetoothGattService service = device.getGattServiceByUuid(profile.service().toString());
    if (service == null) {
      throw new BleException("no GATT service " + profile.service());
    }
    BluetoothGattCharacteristic rx = characteristic(service, profile.receive().toString());
    BluetoothGattCharacteristic tx = characteristic(service, profile.send().toString());
    attMtu = readMtu(rx);
    receive = rx;
    sendPath = tx.getDbusPath();
    routes.put(rx.getDbusPath(), this);
    routes.put(sendPath, this);
    tx.startNotify();
    return this;
  }

  private BluetoothGattCharacteristic characteristic(BluetoothGattService service, String uuid)
      throws BleException {
    BluetoothGattCharacteristic characteristic = service.getGattCharacteristicByUuid(uuid);
    if (characteristic == null) {
      throw new BleException("no GATT characteristic " + uuid);
    }
    return characteristic;
  }

  /** BlueZ 5.62+ exports the negotiated ATT MTU; older ones do not, and 23 is what LE starts with. */
  private static int readMtu(BluetoothGattCharacteristic characteristic) {
    try {
      Properties properties = characteristic.getDbusConnection()
          .getRemoteObject(Bluez.BUS_NAME, characteristic.getDbusPath(), Properties.class);
      Object mtu = properties.Get(Bluez.CHARACTERISTIC, "MTU");
      return mtu instanceof Number number ? number.intValue() : DEFAULT_ATT_MTU;
    } catch (DBusExecutionException | DBusException e) {
      return DEFAULT_ATT_MTU;
    }
  }

  /** A PropertiesChanged on one of this link's objects; on the signal thread. */
  void propertiesChanged(String path, String iface, Map<String, Variant<?>> changed) {
    if (Bluez.DEVICE.equals(iface) && path.equals(devicePath)) {
      if (isFalse(changed.get("Connected"))) {
        gone();
      } else if (isTrue(changed.get("ServicesResolved"))) {
        servicesResolved.complete(null);
      }
    } else if (Bluez.CHARACTERISTIC.equals(iface)) {
      Variant<?> mtu = changed.get("MTU");
      if (mtu != null && mtu.getValue() instanceof Number number) {
        attMtu = number.intValue();
      }
      Variant<?> value = changed.get("Value");
      if (value != null && path.equals(sendPath)) {
        notified(Bluez.bytes(value.getValue()));
      }
    }
  }

  private static boolean isTrue(Variant<?> flag) {
    return flag != null && Boolean.TRUE.equals(flag.getValue());
  }

  private static boolean isFalse(Variant<?> flag) {
    return flag != null && Boolean.FALSE.equals(flag.getValue());
  }

  private void notified(byte[] data) {
    synchronized (listenerLock) {
      if (notificationListener != null) {
        notificationListener.accept(data);
      } else if (earlyNotifications.size() < MAX_EARLY_NOTIFICATIONS) {
        earlyNotifications.add(data);
      }
    }
  }

  /** The link is gone (BlueZ said so, or we ended it): forget its objects and tell once. */
  void gone() {
    if (!gone.compareAndSet(false, true)) {
      return;
    }
    routes.values().removeIf(link -> link == this);
    servicesResolved.completeExceptionally(new BleException("disconnected"));
    synchronized (listenerLock) {
      disconnectedSeen = true;
      if (disconnectedListener != null) {
        disconnectedListener.run();
      }
    }
  }

  @Override
  public String deviceAddress() {
    return address;
  }

  @Override
  public int payloadSize() {
    return attMtu - ATT_HEADER;
  }

  @Override
  public void onNotification(Consumer<byte[]> data) {
    synchronized (listenerLock) {
      notificationListener = data;
      earlyNotifications.forEach(data);
      earlyNotifications.clear();
    }
  }

  @Override
  public void onDisconnected(Runnable disconnected) {
    synchronized (listenerLock) {
      disconnectedListener = disconnected;
      if (disconnectedSeen) {
        disconnected.run();
      }
    }
  }

  @Override
  public CompletableFuture<Void> write(byte[] chunk, boolean withResponse) {
    if (gone.get()) {
      return CompletableFuture.failedFuture(new BleException(address + " is disconnected"));
    }
    if (chunk.length > payloadSize()) {
      return CompletableFuture.failedFuture(new BleException(
          "chunk of " + chunk.length + " bytes exceeds " + address + "'s payload size " + payloadSize()));
    }
    byte[] copy = chunk.clone();
    Map<String, Object> options = Map.of("type", withResponse ? "request" : "command");
    CompletableFuture<Void> written = writes.submit(() -> {
      receive.writeValue(copy, options);
      return null;
    });
    return written.exceptionallyCompose(
        error -> CompletableFuture.failedFuture(Bluez.failure("write to " + address, error)));
  }

  @Override
  public void disconnect() {
    calls.submit(() -> {
      device.getRawDevice().Disconnect();
      return null;
    }).whenComplete((ignored, error) -> gone());
  }

  /** Disconnects without telling anyone: the link never got to its caller. */
  void abandon() {
    gone();
    calls.submit(() -> {
      device.getRawDevice().Disconnect();
      return null;
    });
  }

  @Override
  public String toString() {
    return "BluezConnection[" + address + "]";
  }
}
