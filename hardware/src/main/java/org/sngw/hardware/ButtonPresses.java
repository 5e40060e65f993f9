package org.sngw.hardware;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.sngw.time.Cancellable;
import org.sngw.time.Scheduler;

/**
 * Turns a button's raw edges into presses. A contact bounces for a few milliseconds, so a change
 * counts only once the pin has read the same for the debounce time after its last edge. A press
 * held for the long-press time is a long press, acted on while still held (no need to guess when
 * to let go); anything shorter is a short press, acted on at release.
 */
final class ButtonPresses {
  /** What the button does. */
  interface Actions {
    void shortPress();

    void longPress();
  }

  private final BooleanSupplier pressed;
  private final Scheduler hardware;
  private final Duration debounce;
  private final Duration longPress;
  private final Actions actions;
  private Cancellable settling = () -> { };
  private Cancellable holding = () -> { };
  private boolean down;
  private boolean longPressed;

  /** @param pressed reads the pin now: true while the button is pressed */
  ButtonPresses(BooleanSupplier pressed, Scheduler hardware, Duration debounce, Duration longPress, Actions actions) {
    this.pressed = pressed;
    this.hardware = hardware;
    this.debounce = debounce;
    this.longPress = longPress;
    this.actions = actions;
  }

  /** The pin changed; from any thread (pi4j calls it on its own). */
  void edge() {
    hardware.schedule(Duration.ZERO, this::restartSettling);
  }

  private void restartSettling() {
    settling.cancel();
    settling = hardware.schedule(debounce, this::settled);
  }

  private void settled() {
    boolean now = pressed.getAsBoolean();
    if (now == down) {
      return;
    }
    down = now;
    if (down) {
      longPressed = false;
      // The debounce time already passed since the press began.
      holding = hardware.schedule(longPress.minus(debounce), this::heldLong);
    } else {
      holding.cancel();
      if (!longPressed) {
        actions.shortPress();
      }
    }
  }

  private void heldLong() {
    longPressed = true;
    actions.longPress();
  }
}
