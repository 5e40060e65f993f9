package org.sngw.transport.ble;

import java.time.Duration;
import java.util.Objects;
import org.sngw.time.Cancellable;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;
import org.sngw.transport.ble.central.BleCentral;

/**
 * What a BLE transport relies on outside itself: the radio, timers, the time, the thread its state
 * lives on and where its events go. The real ones in production, fakes in tests.
 */
record BleEnvironment(BleCentral central, Scheduler scheduler, Clock clock, BleLoop loop, BleEvents events) {
  BleEnvironment {
    Objects.requireNonNull(central, "central");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(loop, "loop");
    Objects.requireNonNull(events, "events");
  }

  /** Runs {@code task} on the loop after {@code delay}, whichever thread the scheduler fires on. */
  Cancellable later(Duration delay, Runnable task) {
    return scheduler.schedule(delay, () -> loop.execute(task));
  }
}
