package org.sngw.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sngw.events.GatewayEvents;

class PortReappearanceTest {
  private final RecordingEvents log = new RecordingEvents();
  private final List<String> reappeared = new ArrayList<>();
  private final PortReappearance events = new PortReappearance(log, "/dev/ttyUSB0", new GatewayEvents() {
    @Override
    public void serialPortReappeared(String port) {
      reappeared.add(port);
    }
  });

  @Test
  void reopened_tellsTheGatewayAndTheLog() {
    events.opened();
    events.lost("unplugged", 2);
    events.unavailable("no such file");
    events.stillUnavailable("no such file");
    events.reopened();

    assertThat(reappeared).containsExactly("/dev/ttyUSB0");
    assertThat(log.events).containsExactly("opened", "lost: unplugged, 2 peer(s)", "unavailable: no such file",
        "still unavailable: no such file", "reopened");
  }

  @Test
  void firstOpen_isNoReappearance() {
    events.opened();

    assertThat(reappeared).isEmpty();
  }
}
