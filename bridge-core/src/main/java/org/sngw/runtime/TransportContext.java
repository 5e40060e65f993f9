package org.sngw.runtime;

import java.util.Objects;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;

/**
 * What the gateway lends a transport it opens: the shared I/O loops for socket transports, and a
 * scheduler and clock for timers (reconnects, retries). Transports with threads of their own bring
 * them.
 */
public record TransportContext(IoLoops io, Scheduler scheduler, Clock clock) {
  public TransportContext {
    Objects.requireNonNull(io, "io");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(clock, "clock");
  }
}
