package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.app.cli.GatewayCommand;
import org.sngw.app.cli.ParseOutcome;
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
  void portsCommand_isParsed() {
    assertThat(GatewayCommand.parse("ports")).isEqualTo(new ParseOutcome.ListPorts());
  }
}
