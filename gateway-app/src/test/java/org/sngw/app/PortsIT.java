package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.ClosingStack;
import org.sngw.transport.ble.bluez.BluezMock;

/** {@code sngw ports} as a user runs it, with python-dbusmock's BlueZ on a private bus for its Bluetooth part. */
class PortsIT {
  @TempDir Path dir;
  private final ClosingStack started = new ClosingStack();

  @AfterEach
  void stopEverything() {
    started.close();
  }

  @Test
  void ports_listsTheSerialPorts_thenThePeripheralsAdvertisingTheServiceWithTheirRssi() throws Exception {
    BluezMock bluez = BluezMock.onPrivateBus("hci0", dir, started);
    bluez.run("device", "hci0", "AA:BB:CC:00:00:07");

    GatewayProcess ports = started.push(GatewayProcess.launchOn(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()),
        Map.of("DBUS_SYSTEM_BUS_ADDRESS", bluez.busAddress()), "ports"));
    await().atMost(Duration.ofSeconds(20)).until(() -> bluez.run("discovery", "hci0").get(0).equals("discovering"));
    bluez.run("advertise", "hci0", "AA:BB:CC:00:00:07");

    assertThat(ports.awaitExit()).isZero();
    assertThat(ports.log()).first().asString().startsWith("serial ports");
    assertThat(ports.log()).containsSubsequence(
        "Bluetooth LE peripherals advertising the Nordic UART Service, heard on hci0 in 5 s:",
        "  AA:BB:CC:00:00:07  RSSI -60 dBm");
  }
}
