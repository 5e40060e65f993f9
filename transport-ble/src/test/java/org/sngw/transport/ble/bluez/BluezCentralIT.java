package org.sngw.transport.ble.bluez;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sngw.transport.ble.central.GattProfile.NORDIC_UART;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.RequiredTool;
import org.sngw.transport.ble.central.BleConnection;
import org.sngw.transport.ble.central.BleException;

/**
 * {@link BluezCentral} against BlueZ as python-dbusmock plays it, on a private dbus-daemon: the
 * bluez5 template's adapters and devices, plus the Nordic UART GATT objects bluez_mock.py adds.
 * Each test uses its own device address, so tests share one bus and one mock.
 */
class BluezCentralIT {
  private static final String SENSOR_SERVICE = NORDIC_UART.service().toString();

  @TempDir
  static Path dir;

  private static PrivateBus bus;
  private static BluezMock bluez;

  private final List<BluezCentral> centrals = new ArrayList<>();

  @BeforeAll
  static void startMockedBluez() throws Exception {
    RequiredTool.require(PrivateBus.installed(), "dbus-daemon", "dbus");
    Optional<String> python = BluezMock.python();
    RequiredTool.require(python.isPresent(), "python3 with dbusmock", "python3-dbusmock");
    bus = PrivateBus.start(dir.resolve("bus"));
    bluez = BluezMock.start(python.get(), bus, dir);
    bluez.run("adapter", "hci0");
    bluez.run("adapter", "hci1", "off");
  }

  @AfterAll
  static void stopMockedBluez() {
    if (bluez != null) {
      bluez.close();
    }
    if (bus != null) {
      bus.close();
    }
  }

  @AfterEach
  void closeCentrals() {
    centrals.forEach(BluezCentral::close);
  }

  private BluezCentral open(String adapter, String busAddress) throws BleException {
    BluezCentral central = BluezCentral.open(adapter, Optional.of(busAddress));
    centrals.add(central);
    return central;
  }

  private BluezCentral open(String adapter) throws BleException {
    return open(adapter, bus.address);
  }

  private BleConnection connectTo(String address, String... deviceFlags) throws Exception {
    List<String> command = new ArrayList<>(List.of("device", "hci0", address));
    command.addAll(List.of(deviceFlags));
    bluez.run(command.toArray(String[]::new));
    return open("hci0").connect(address, NORDIC_UART).get(10, TimeUnit.SECONDS);
  }

  private static ConditionFactory eventually() {
    return Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20));
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    return assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS)).getCause();
  }

  @Test
  void isAvailable_poweredAdapter_true() throws Exception {
    assertThat(open("hci0").isAvailable()).isTrue();
  }

  @Test
  void isAvailable_adapterPoweredOff_false() throws Exception {
    assertThat(open("hci1").isAvailable()).isFalse();
  }

  @Test
  void isAvailable_noSuchAdapter_false() throws Exception {
    assertThat(open("hci7").isAvailable()).isFalse();
  }

  @Test
  void isAvailable_bluetoothdNotOnTheBus_false() throws Exception {
    try (PrivateBus empty = PrivateBus.start(dir.resolve("empty-bus"));
        BluezCentral central = BluezCentral.open("hci0", Optional.of(empty.address))) {
      assertThat(central.isAvailable()).isFalse();
    }
  }

  @Test
  void open_noBusAtAddress_throwsOneLineBleException() {
    String nowhere = "unix:path=" + dir.resolve("no-such-socket");
    assertThatThrownBy(() -> open("hci0", nowhere))
        .isInstanceOf(BleException.class)
        .hasMessageStartingWith("cannot reach D-Bus at " + nowhere + ": ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void startScan_deviceAdvertisingTheService_isReported() throws Exception {
    BluezCentral central = open("hci0");
    List<String> seen = new CopyOnWriteArrayList<>();

    central.startScan(NORDIC_UART, seen::add);
    assertThat(bluez.run("discovery", "hci0"))
        .containsExactly("discovering", "Transport=le", "UUIDs=" + SENSOR_SERVICE);
    bluez.run("device", "hci0", "AA:BB:CC:00:00:01");
    bluez.run("device", "hci0", "AA:BB:CC:00:00:02");
    bluez.run("advertise", "hci0", "AA:BB:CC:00:00:02");

    eventually().until(() -> seen.contains("AA:BB:CC:00:00:02"));
    // Signals come in order: the first device's arrival was handled before the sighting.
    assertThat(seen).containsOnly("AA:BB:CC:00:00:02");
    central.stopScan();
    eventually().until(() -> bluez.run("discovery", "hci0").get(0).equals("idle"));
  }

  @Test
  void nearby_listsTheDevicesAdvertisingTheServiceWhileListening_withTheirRssi_thenStopsScanning() throws Exception {
    BluezCentral central = open("hci0");
    bluez.run("device", "hci0", "AA:BB:CC:00:00:11");
    bluez.run("device", "hci0", "AA:BB:CC:00:00:12");
    CompletableFuture<List<NearbyDevice>> listening = CompletableFuture.supplyAsync(() -> {
      try {
        return central.nearby(NORDIC_UART, Duration.ofSeconds(3));
      } catch (BleException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    eventually().until(() -> bluez.run("discovery", "hci0").get(0).equals("discovering"));
    bluez.run("advertise", "hci0", "AA:BB:CC:00:00:12");

    assertThat(listening.get(10, TimeUnit.SECONDS)).as("the one that did not advertise is left out")
        .containsExactly(new NearbyDevice("AA:BB:CC:00:00:12", OptionalInt.of(-60)));
    eventually().until(() -> bluez.run("discovery", "hci0").get(0).equals("idle"));
  }

  @Test
  void startScan_noSuchAdapter_throwsOneLineBleException() throws Exception {
    BluezCentral central = open("hci7");
    assertThatThrownBy(() -> central.startScan(NORDIC_UART, address -> { }))
        .isInstanceOf(BleException.class)
        .hasMessageStartingWith("start scanning on hci7: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void connect_nordicUartPeripheral_subscribesAndSizesPayloadFromMtu() throws Exception {
    BleConnection link = connectTo("AA:BB:CC:00:00:03");

    assertThat(link.deviceAddress()).isEqualTo("AA:BB:CC:00:00:03");
    assertThat(link.payloadSize()).isEqualTo(247 - 3);
    assertThat(bluez.run("calls", "hci0", "AA:BB:CC:00:00:03", "tx", "StartNotify")).hasSize(1);
  }

  @Test
  void connect_noMtuProperty_payloadIsLeMinimum() throws Exception {
    BleConnection link = connectTo("AA:BB:CC:00:00:04", "no-mtu");

    assertThat(link.payloadSize()).isEqualTo(20);
  }

  @Test
  void notifications_fromPeripheral_reachListenerInOrder() throws Exception {
    BleConnection link = connectTo("AA:BB:CC:00:00:05");
    List<byte[]> received = new CopyOnWriteArrayList<>();

    // The first may come before the listener: a sensor can talk as soon as it is subscribed.
    bluez.run("notify", "hci0", "AA:BB:CC:00:00:05", "0102ff");
    link.onNotification(received::add);
    bluez.run("notify", "hci0", "AA:BB:CC:00:00:05", "03");

    eventually().until(() -> received.size() == 2);
    assertThat(received).containsExactly(new byte[] {1, 2, -1}, new byte[] {3});
  }

  @Test
  void write_withAndWithoutResponse_reachesPeripheralAsWriteValue() throws Exception {
    BleConnection link = connectTo("AA:BB:CC:00:00:06");

    link.write(new byte[] {0x0a, 0x0b}, true).get(5, TimeUnit.SECONDS);
    link.write(new byte[] {0x0c}, false).get(5, TimeUnit.SECONDS);

    assertThat(bluez.run("calls", "hci0", "AA:BB:CC:00:00:06", "rx", "WriteValue"))
        .containsExactly("0a0b type=request", "0c type=command");
  }

  @Test
  void write_moreThanPayloadSize_failsWithoutCallingBlueZ() throws Exception {
    BleConnection link = connectTo("AA:BB:CC:00:00:07", "no-mtu");

    assertThat(failureOf(link.write(new byte[21], false)))
        .isInstanceOf(BleException.class)
        .hasMessageContaining("exceeds");
    assertThat(bluez.run("calls", "hci0", "AA:BB:CC:00:00:07", "rx", "WriteValue")).isEmpty();
  }

  @Test
  void peripheralGone_reportsDisconnectedOnce() throws Exception {
    BleConnection link = connectTo("AA:BB:CC:00:00:08");
    AtomicInteger disconnected = new AtomicInteger();
    link.onDisconnected(disconnected::incrementAndGet);

    bluez.run("drop", "hci0", "AA:BB:CC:00:00:08");

    eventually().until(() -> disconnected.get() == 1);
    link.disconnect();
    assertThat(failureOf(link.write(new byte[] {1}, true))).isInstanceOf(BleException.class);
    assertThat(disconnected).hasValue(1);
  }

  @Test
  void disconnect_callsDeviceDisconnect_andReportsDisconnected() throws Exception {
    BleConnection link = connectTo("AA:BB:CC:00:00:09");
    AtomicInteger disconnected = new AtomicInteger();
    link.onDisconnected(disconnected::incrementAndGet);

    link.disconnect();

    eventually().until(() -> disconnected.get() == 1);
    assertThat(bluez.run("calls", "hci0", "AA:BB:CC:00:00:09", "device", "Disconnect")).hasSize(1);
  }

  @Test
  void connect_peripheralWithoutTheService_failsNamingItAndDisconnects() throws Exception {
    bluez.run("device", "hci0", "AA:BB:CC:00:00:0A", "no-gatt");

    CompletableFuture<BleConnection> connecting = open("hci0").connect("AA:BB:CC:00:00:0A", NORDIC_UART);

    assertThat(failureOf(connecting))
        .isInstanceOf(BleException.class)
        .hasMessage("connect to AA:BB:CC:00:00:0A: no GATT service " + SENSOR_SERVICE);
    eventually().until(() -> bluez.run("calls", "hci0", "AA:BB:CC:00:00:0A", "device", "Disconnect").size() == 1);
  }

  @Test
  void connect_unknownDevice_failsWithOneLineBleException() throws Exception {
    CompletableFuture<BleConnection> connecting = open("hci0").connect("AA:BB:CC:00:00:FF", NORDIC_UART);

    assertThat(failureOf(connecting))
        .isInstanceOf(BleException.class)
        .hasMessageStartingWith("connect to AA:BB:CC:00:00:FF: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void connect_notAnAddress_fails() throws Exception {
    assertThat(failureOf(open("hci0").connect("AA:BB", NORDIC_UART)))
        .isInstanceOf(BleException.class)
        .hasMessage("not a Bluetooth address: AA:BB");
  }
}
