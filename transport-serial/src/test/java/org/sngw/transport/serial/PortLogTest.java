package org.sngw.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sngw.config.SerialPortConfig;
import org.sngw.config.SerialPortConfig.FlowControl;
import org.sngw.config.SerialPortConfig.Framing;
import org.sngw.config.SerialPortConfig.Parity;
import org.sngw.config.SerialPortConfig.StopBits;

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

  @Test
  void format_wholeSecondsAndMillis_readable() {
    assertThat(PortLog.format(Duration.ofSeconds(30))).isEqualTo("30 s");
    assertThat(PortLog.format(Duration.ofMillis(250))).isEqualTo("250 ms");
  }
}
