package org.sngw.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sngw.transport.serial.SerialPortConfig.FlowControl;
import org.sngw.transport.serial.SerialPortConfig.Parity;
import org.sngw.transport.serial.SerialPortConfig.StopBits;
import org.sngw.transport.serial.framing.Framing;

class PortLogTest {
  @Test
  void lineSettings_defaults_are8N1() {
    assertThat(PortLog.lineSettings(SerialPortConfig.of("/dev/ttyS0"))).isEqualTo("8N1");
  }

  @Test
  void lineSettings_sevenEvenTwo_are7E2() {
    SerialPortConfig config =
        new SerialPortConfig("/dev/ttyS0", 9600, 7, Parity.EVEN, StopBits.TWO, FlowControl.NONE, Framing.PLAIN);

    assertThat(PortLog.lineSettings(config)).isEqualTo("7E2");
  }
}
