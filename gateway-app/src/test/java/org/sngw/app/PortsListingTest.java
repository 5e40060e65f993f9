package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.sngw.app.cli.GatewayCommand;
import org.sngw.app.cli.ParseOutcome;
import org.sngw.transport.ble.bluez.NearbyDevice;
import org.sngw.transport.serial.SerialPortListing;

class PortsListingTest {
  @Test
  void noPorts_saysWhy() {
    assertThat(PortsListing.text(List.of())).startsWith("serial ports: none found").contains("dmesg");
  }

  @Test
  void ports_oneLineEach_underAHintToUseTheStableLinks() {
    SerialPortListing ftdi = new SerialPortListing("/dev/ttyUSB0", "FT232R USB UART", Optional.of("0403:6001"),
        Optional.empty(), List.of());

    assertThat(PortsListing.text(List.of(ftdi)).lines())
        .hasSize(2)
        .first().asString().contains("/dev/serial/by-id");
    assertThat(PortsListing.text(List.of(ftdi))).endsWith("\n  /dev/ttyUSB0  FT232R USB UART  usb 0403:6001");
  }

  @Test
  void bluetooth_listsWhatWasHeardStrongestFirst_orSaysNone() {
    assertThat(PortsListing.bluetooth("hci0", List.of(
        new NearbyDevice("AA:BB:CC:00:00:02", OptionalInt.of(-48)), new NearbyDevice("AA:BB:CC:00:00:09", OptionalInt.empty()))))
        .endsWith("heard on hci0 in 5 s:\n  AA:BB:CC:00:00:02  RSSI -48 dBm\n  AA:BB:CC:00:00:09");
    assertThat(PortsListing.bluetooth("hci0", List.of())).endsWith(":\n  none");
  }

  @Test
  void bluetooth_withoutASystemBus_saysSoAtOnce() {
    assertThat(PortsListing.bluetooth("hci0", Map.of()))
        .satisfiesAnyOf(text -> assertThat(text).contains("no D-Bus system bus"),
            text -> assertThat(text).startsWith("Bluetooth LE"));
  }

  @Test
  void portsCommand_isParsed() {
    assertThat(GatewayCommand.parse("ports")).isEqualTo(new ParseOutcome.ListPorts());
  }
}
