package org.sngw.runtime;

import java.util.Objects;
import org.sngw.events.GatewayEvents;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;

/**
 * What the gateway lends a transport it opens: the shared I/O loops for socket transports, and a
 * scheduler and clock for timers (reconnects, retries). Transports with threads of their own bring
 * them. A transport tells {@code events} what only it can see, such as a serial port coming back.
 */
public record TransportContext(IoLoops io, Scheduler scheduler, Clock clock, GatewayEvents events) {
  public TransportContext {
    Objects.requireNonNull(io, "io");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(events, "events");
  }

  /** A context whose events nobody listens to. */
  public TransportContext(IoLoops io, Scheduler scheduler, Clock clock) {
    this(io, scheduler, clock, GatewayEvents.NONE);
  }
}
