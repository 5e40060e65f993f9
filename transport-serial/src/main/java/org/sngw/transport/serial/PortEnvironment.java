package org.sngw.transport.serial;

import org.sngw.events.GatewayEvents;
import org.sngw.time.Backoff;
import org.sngw.time.Clock;

/**
 * What the port thread relies on outside itself: opening the port, reporting what happens to it,
 * waiting between attempts and telling the time. The real ones in production, fakes in tests.
 */
record PortEnvironment(LineOpener opener, PortEvents events, RetryPause pause, Clock clock) {
  static PortEnvironment real(SerialPortConfig config, Backoff backoff, GatewayEvents gateway) {
    PortEvents events = new PortReappearance(new PortLog(config, backoff), config.device(), gateway);
    return new PortEnvironment(() -> JSerialCommLine.open(config), events, RetryPause.TIMED, Clock.SYSTEM);
  }
}
