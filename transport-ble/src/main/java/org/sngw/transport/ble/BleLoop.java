package org.sngw.transport.ble;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Where a BLE transport's state lives: tasks run one at a time, in the order given, never nested.
 * Radio callbacks, write completions and timers all hop onto it, so the state needs no locks.
 */
interface BleLoop extends Executor {
  /**
   * Runs the tasks already given, then no more: later ones are dropped, as late radio callbacks
   * have nothing left to act on. Waits up to {@code wait} for them, unless called from a task.
   */
  void stop(Duration wait);
}
