package org.sngw.hardware;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sngw.events.GatewayEvents;
import org.sngw.time.Scheduler;

/**
 * The uplink LED: on while every configured upstream bridge is connected, off while any is not,
 * and off for good when none is configured (there is no uplink to show).
 */
final class UplinkIndicator implements GatewayEvents {
  private final Led led;
  private final Scheduler hardware;
  private final Set<String> configured;
  private final Set<String> connected = new HashSet<>();

  UplinkIndicator(Led led, Scheduler hardware, List<String> upstreams) {
    this.led = led;
    this.hardware = hardware;
    this.configured = Set.copyOf(upstreams);
    hardware.schedule(Duration.ZERO, led::off);
  }

  @Override
  public void upstreamConnected(String bridge) {
    hardware.schedule(Duration.ZERO, () -> {
      connected.add(bridge);
      show();
    });
  }

  @Override
  public void upstreamDisconnected(String bridge) {
    hardware.schedule(Duration.ZERO, () -> {
      connected.remove(bridge);
      show();
    });
  }

  private void show() {
    if (!configured.isEmpty() && connected.containsAll(configured)) {
      led.on();
    } else {
      led.off();
    }
  }
}
