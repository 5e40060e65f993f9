package org.sngw.transport.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.config.ConfigException;
import org.sngw.config.ConfigFile;

class BleTransportProviderTest {
  @TempDir
  Path dir;

  @Test
  void load_noBleSection_leavesBleOff() throws Exception {
    assertThat(ConfigFile.load(write("mqtt: 127.0.0.1:1883\n")).transports(BleConfig.class)).isEmpty();
  }

  @Test
  void load_emptyBleSection_turnsItOnWithTheDefaults() throws Exception {
    assertThat(ConfigFile.load(write("ble: {}\n")).transports(BleConfig.class)).containsExactly(BleConfig.defaults());
  }

  @Test
  void load_everySetting_isRead() throws Exception {
    BleConfig ble = ConfigFile.load(write("""
        ble:
          adapter: hci1
          service: 0000fe40-cc7a-482a-984a-7f2ed5b3e58f
          receive-characteristic: 0000fe41-8e22-4541-9d4c-21edae82ed19
          send-characteristic: 0000fe42-8e22-4541-9d4c-21edae82ed19
          allowlist: aa:bb:cc:dd:ee:01, AA:BB:CC:DD:EE:02
          max-connections: 3
          write-with-response: true
          reconnect: { min: 2s, max: 30s }
        """)).transports(BleConfig.class).get(0);

    assertThat(ble).isEqualTo(new BleConfig("hci1", UUID.fromString("0000fe40-cc7a-482a-984a-7f2ed5b3e58f"),
        UUID.fromString("0000fe41-8e22-4541-9d4c-21edae82ed19"), UUID.fromString("0000fe42-8e22-4541-9d4c-21edae82ed19"),
        Set.of("AA:BB:CC:DD:EE:01", "AA:BB:CC:DD:EE:02"), 3, true, Duration.ofSeconds(2), Duration.ofSeconds(30)));
  }

  @Test
  void load_badBleSettings_areAllReported() throws Exception {
    Path file = write("""
        ble:
          adapter: bluetooth
          service: nordic
          allowlist: AA:BB
          max-connections: 99
          reconnect: { min: 1m, max: 1s }
        """);

    assertThatThrownBy(() -> ConfigFile.load(file)).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.problems()).hasSize(5)
            .anyMatch(p -> p.startsWith("ble.adapter:"))
            .anyMatch(p -> p.startsWith("ble.service:"))
            .anyMatch(p -> p.startsWith("ble.allowlist:"))
            .anyMatch(p -> p.startsWith("ble.max-connections:"))
            .anyMatch(p -> p.startsWith("ble.reconnect.min: must not be longer than max")));
  }

  private Path write(String yaml) throws Exception {
    Path file = dir.resolve("gw.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
