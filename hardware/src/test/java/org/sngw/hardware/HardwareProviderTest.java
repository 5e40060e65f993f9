package org.sngw.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.config.ConfigException;
import org.sngw.config.ConfigFile;
import org.sngw.config.GatewayConfig;

/** The hardware section read through the config file, the provider found by ServiceLoader. */
class HardwareProviderTest {
  @TempDir
  Path dir;

  private GatewayConfig load(String yaml) throws IOException, ConfigException {
    Path file = dir.resolve("sngw.yaml");
    Files.writeString(file, yaml);
    return ConfigFile.load(file);
  }

  private HardwareConfig hardware(String yaml) throws IOException, ConfigException {
    GatewayConfig config = load(yaml);
    assertThat(config.extensions()).hasSize(1);
    return ((HardwarePlan) config.extensions().get(0)).config();
  }

  @Test
  void load_noHardwareSection_noExtension() throws Exception {
    assertThat(load("mqtt: 127.0.0.1:1883\n").extensions()).isEmpty();
  }

  @Test
  void load_everyKey_readsEach() throws Exception {
    HardwareConfig config = hardware("""
        hardware:
          ready-led: 17
          uplink-led: 27
          traffic-led: 22
          button: 23
          radio-reset: 24
          button-debounce: 20ms
          long-press: 3s
          radio-reset-pulse: 250ms
          radio-reset-active: high
          traffic-blink: 10ms
        """);

    assertThat(config).isEqualTo(new HardwareConfig(OptionalInt.of(17), OptionalInt.of(27), OptionalInt.of(22),
        OptionalInt.of(23), OptionalInt.of(24), Duration.ofMillis(20), Duration.ofSeconds(3),
        Duration.ofMillis(250), false, Duration.ofMillis(10)));
  }

  @Test
  void load_onlyOneLed_theRestNotFittedAndDefaultTimings() throws Exception {
    HardwareConfig config = hardware("hardware:\n  ready-led: 4\n");

    assertThat(config.readyLed()).hasValue(4);
    assertThat(config.button()).isEmpty();
    assertThat(config.radioReset()).isEmpty();
    assertThat(config.resetActiveLow()).isTrue();
    assertThat(config.longPress()).isEqualTo(HardwareConfig.DEFAULT_LONG_PRESS);
  }

  @Test
  void load_badValues_allReportedWithTheirKeys() {
    assertThatThrownBy(() -> load("""
        hardware:
          ready-led: 40
          radio-reset-active: sideways
          blink: 1s
        """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("hardware.ready-led")
        .hasMessageContaining("hardware.radio-reset-active")
        .hasMessageContaining("hardware.blink");
  }

  @Test
  void load_onePinForTwoParts_isAnError() {
    assertThatThrownBy(() -> load("hardware:\n  ready-led: 17\n  button: 17\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("GPIO 17 is given to two parts");
  }

  @Test
  void load_longPressNotLongerThanDebounce_isAnError() {
    assertThatThrownBy(() -> load("hardware:\n  button: 5\n  button-debounce: 1s\n  long-press: 1s\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("hardware.long-press");
  }
}
