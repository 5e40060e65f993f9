package org.sngw.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.config.ConfigException;
import org.sngw.config.ConfigFile;
import org.sngw.transport.serial.SerialPortConfig.FlowControl;
import org.sngw.transport.serial.SerialPortConfig.Parity;
import org.sngw.transport.serial.SerialPortConfig.StopBits;
import org.sngw.transport.serial.framing.Framing;

class SerialTransportProviderTest {
  @TempDir
  Path dir;

  @Test
  void parseFlag_deviceOnly_isPlain115200() {
    assertThat(SerialTransportProvider.parseFlag("/dev/ttyUSB0")).isEqualTo(SerialPortConfig.of("/dev/ttyUSB0"));
  }

  @Test
  void parseFlag_baudAndFraming_areTaken() {
    assertThat(SerialTransportProvider.parseFlag("/dev/ttyAMA0@9600:xbee-escaped"))
        .isEqualTo(SerialPortConfig.of("/dev/ttyAMA0").with(9600, Framing.XBEE_ESCAPED));
  }

  @Test
  void parseFlag_byPathLinkWithColons_keepsThemInTheDevice() {
    String device = "/dev/serial/by-path/pci-0000:00:14.0-usb-0:1:1.0-port0";

    assertThat(SerialTransportProvider.parseFlag(device + ":cobs").device()).isEqualTo(device);
    assertThat(SerialTransportProvider.parseFlag(device).device()).isEqualTo(device);
  }

  @Test
  void parseFlag_badBaud_namesIt() {
    assertThatThrownBy(() -> SerialTransportProvider.parseFlag("/dev/ttyUSB0@9")).hasMessageContaining("9");
  }

  @Test
  void load_serialList_readsEverySetting() throws Exception {
    Path file = dir.resolve("gw.yaml");
    Files.writeString(file, """
        serial:
          - device: /dev/ttyUSB0
          - device: /dev/ttyUSB1
            baud: 57600
            data-bits: 7
            parity: even
            stop-bits: 2
            flow-control: rts-cts
            framing: cobs-crc
        """);

    assertThat(ConfigFile.load(file).transports(SerialPortConfig.class)).containsExactly(
        SerialPortConfig.of("/dev/ttyUSB0"),
        new SerialPortConfig("/dev/ttyUSB1", 57600, 7, Parity.EVEN, StopBits.TWO, FlowControl.RTS_CTS,
            Framing.COBS_CRC));
  }

  @Test
  void load_badSerialSettings_areAllReportedWithTheirPaths() throws Exception {
    Path file = dir.resolve("gw.yaml");
    Files.writeString(file, """
        serial:
          - baud: fast
            framing: morse
          - device: /dev/ttyUSB0
          - device: /dev/ttyUSB0
        """);

    assertThatThrownBy(() -> ConfigFile.load(file))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .anyMatch(p -> p.startsWith("serial[0].device: required"))
            .anyMatch(p -> p.startsWith("serial[0].baud:"))
            .anyMatch(p -> p.startsWith("serial[0].framing: expected one of plain, cobs, cobs-crc, xbee, xbee-escaped"))
            .anyMatch(p -> p.startsWith("serial[2].device: '/dev/ttyUSB0' is listed twice")));
  }
}
