package org.sngw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sngw.transport.udp.UdpSettings;

/** The /etc/sngw/sngw.yaml the Debian package installs (src/deb/sngw.yaml), read as the service reads it. */
class PackagedConfigTest {
  private static final Path PACKAGED = Path.of("src", "deb", "sngw.yaml");

  @Test
  void load_packagedConfig_isValidAndKeepsStateWhereTheServiceMayWrite() throws Exception {
    GatewayConfig config = ConfigFile.load(PACKAGED);

    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/sngw"));
    assertThat(config.mqtt()).isEqualTo(new ListenAddress("127.0.0.1", 1883));
    assertThat(config.transports(UdpSettings.class))
        .singleElement()
        .satisfies(udp -> assertThat(udp.bind()).isEqualTo(new ListenAddress("0.0.0.0", 1884)));
    assertThat(config.store().persistent()).isTrue();
  }
}
