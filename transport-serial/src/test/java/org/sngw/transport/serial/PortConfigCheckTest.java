package org.sngw.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sngw.transport.serial.SerialPortConfig.FlowControl;
import org.sngw.transport.serial.SerialPortConfig.Parity;
import org.sngw.transport.serial.SerialPortConfig.StopBits;
import org.sngw.transport.serial.framing.Framing;

class PortConfigCheckTest {
  @Test
  void problems_defaults_none() {
    assertThat(PortConfigCheck.problems(SerialPortConfig.of("/dev/ttyUSB0"))).isEmpty();
  }

  @Test
  void problems_everyFieldBad_namesEachOne() {
    SerialPortConfig bad = new SerialPortConfig(" ", 0, 9, Parity.NONE, StopBits.ONE, FlowControl.NONE, Framing.PLAIN);

    assertThat(PortConfigCheck.problems(bad))
        .containsExactly("device is empty", "baud must be positive: 0", "dataBits must be 5..8: 9");
  }
}
