package org.sngw.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.transport.serial.SerialPortConfig.FlowControl;
import org.sngw.transport.serial.SerialPortConfig.Parity;
import org.sngw.transport.serial.SerialPortConfig.StopBits;

class JSerialCommLineTest {
  @TempDir
  Path dir;

  @Test
  void open_missingDevice_saysNoSuchDevice() {
    SerialPortConfig config = SerialPortConfig.of(dir.resolve("ttyUSB0").toString());

    assertThatThrownBy(() -> JSerialCommLine.open(config))
        .isInstanceOf(IOException.class)
        .hasMessage("no such device");
  }

  @Test
  void open_danglingLink_saysNoSuchDevice() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("usb-FTDI-if00-port0"), dir.resolve("gone"));

    assertThatThrownBy(() -> JSerialCommLine.open(SerialPortConfig.of(link.toString())))
        .hasMessage("no such device");
  }

  @Test
  void open_regularFile_saysItCannotOpen() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-tty"), "x");

    assertThatThrownBy(() -> JSerialCommLine.open(SerialPortConfig.of(file.toString())))
        .hasMessageContaining("cannot open it");
  }

  @Test
  void parity_eachSetting_mapsToJSerialComm() {
    assertThat(JSerialCommLine.parity(Parity.NONE)).isEqualTo(SerialPort.NO_PARITY);
    assertThat(JSerialCommLine.parity(Parity.ODD)).isEqualTo(SerialPort.ODD_PARITY);
    assertThat(JSerialCommLine.parity(Parity.EVEN)).isEqualTo(SerialPort.EVEN_PARITY);
    assertThat(JSerialCommLine.parity(Parity.MARK)).isEqualTo(SerialPort.MARK_PARITY);
    assertThat(JSerialCommLine.parity(Parity.SPACE)).isEqualTo(SerialPort.SPACE_PARITY);
  }

  @Test
  void stopBits_eachSetting_mapsToJSerialComm() {
    assertThat(JSerialCommLine.stopBits(StopBits.ONE)).isEqualTo(SerialPort.ONE_STOP_BIT);
    assertThat(JSerialCommLine.stopBits(StopBits.ONE_POINT_FIVE)).isEqualTo(SerialPort.ONE_POINT_FIVE_STOP_BITS);
    assertThat(JSerialCommLine.stopBits(StopBits.TWO)).isEqualTo(SerialPort.TWO_STOP_BITS);
  }

  @Test
  void flowControl_eachSetting_setsBothDirections() {
    assertThat(JSerialCommLine.flowControl(FlowControl.NONE)).isEqualTo(SerialPort.FLOW_CONTROL_DISABLED);
    assertThat(JSerialCommLine.flowControl(FlowControl.RTS_CTS))
        .isEqualTo(SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED);
    assertThat(JSerialCommLine.flowControl(FlowControl.XON_XOFF))
        .isEqualTo(SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED);
  }

  @Test
  void describe_eio_saysUnplugged() {
    assertThat(JSerialCommLine.describe(5)).contains("EIO", "unplugged");
    assertThat(JSerialCommLine.describe(42)).isEqualTo("error 42");
  }
}
