package org.sngw.time;

/** A scheduled task that may still be called off. */
@FunctionalInterface
public interface Cancellable {
  /** Stops the task from running if it has not run yet; harmless when it already ran. */
  void cancel();
}
