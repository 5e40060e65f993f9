package org.sngw.time;

/** Monotonic time, injected wherever state depends on elapsed time so tests can drive it. */
@FunctionalInterface
public interface Clock {
  /** Monotonic nanoseconds; only differences are meaningful. */
  long nanos();

  Clock SYSTEM = System::nanoTime;
}
