package org.sngw.transport.serial.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc16CcittFalseTest {

  @Test
  void of_checkString_givesTheCatalogueCheckValue() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);

    assertThat(Crc16CcittFalse.of(check, 0, check.length)).isEqualTo(0x29B1);
  }

  @Test
  void of_nothing_givesTheInitialValue() {
    assertThat(Crc16CcittFalse.of(new byte[0], 0, 0)).isEqualTo(0xFFFF);
  }

  @Test
  void of_slice_coversOnlyTheSlice() {
    byte[] padded = "xx123456789yy".getBytes(StandardCharsets.US_ASCII);

    assertThat(Crc16CcittFalse.of(padded, 2, 9)).isEqualTo(0x29B1);
  }
}
