package org.sngw.hardware;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sngw.runtime.ExtensionContext;
import org.sngw.time.VirtualTime;

/**
 * The button on a mock input pin (to ground, so pressed reads low): debounce, short and long press,
 * all on a virtual clock with the default 50 ms debounce and 5 s long press.
 */
class ButtonPressesTest {
  private final VirtualTime time = new VirtualTime();
  private final MockPins pins = new MockPins();
  private final ExtensionContext.RetainedPublisher status = mock(ExtensionContext.RetainedPublisher.class);
  private final Runnable shutdown = mock(Runnable.class);
  private MockDigitalInput button;

  @BeforeEach
  void board() {
    new HardwareBoard(Boards.allParts(), pins.gpio(), time, new ExtensionContext(List.of(), status, shutdown, (name, filter, received) -> { }));
    button = pins.input("button");
    // Released: the pull-up holds the pin high.
    button.mockState(DigitalState.HIGH);
    time.advance(Duration.ofSeconds(1));
  }

  @AfterEach
  void shutdownPins() {
    pins.shutdown();
  }

  private void press() {
    button.mockState(DigitalState.LOW);
  }

  private void release() {
    button.mockState(DigitalState.HIGH);
  }

  @Test
  void shortPress_publishesTheButtonEventOnce() {
    press();
    time.advance(Duration.ofMillis(300));
    release();
    time.advance(Duration.ofSeconds(1));

    verify(status).publishRetained(GatewayButton.TOPIC, "pressed 1");
    verifyNoInteractions(shutdown);
  }

  @Test
  void bouncingContact_countsAsOnePress() {
    for (int bounce = 0; bounce < 5; bounce++) {
      press();
      time.advance(Duration.ofMillis(3));
      release();
      time.advance(Duration.ofMillis(2));
    }
    press();
    time.advance(Duration.ofMillis(200));
    for (int bounce = 0; bounce < 3; bounce++) {
      release();
      time.advance(Duration.ofMillis(4));
      press();
      time.advance(Duration.ofMillis(4));
    }
    release();
    time.advance(Duration.ofSeconds(1));

    verify(status, times(1)).publishRetained(GatewayButton.TOPIC, "pressed 1");
    verify(status, never()).publishRetained(GatewayButton.TOPIC, "pressed 2");
  }

  @Test
  void glitchShorterThanDebounce_isNoPress() {
    press();
    time.advance(Duration.ofMillis(40));
    release();
    time.advance(Duration.ofSeconds(1));

    verifyNoInteractions(status, shutdown);
  }

  @Test
  void longPress_stopsTheGatewayWhileStillHeld() {
    press();
    time.advance(Duration.ofMillis(4999));
    verifyNoInteractions(shutdown);

    time.advance(Duration.ofMillis(1));
    verify(shutdown).run();

    release();
    time.advance(Duration.ofSeconds(1));
    verifyNoInteractions(status);
  }

  @Test
  void twoShortPresses_countUp() {
    press();
    time.advance(Duration.ofMillis(100));
    release();
    time.advance(Duration.ofMillis(500));
    press();
    time.advance(Duration.ofMillis(100));
    release();
    time.advance(Duration.ofMillis(500));

    verify(status).publishRetained(GatewayButton.TOPIC, "pressed 1");
    verify(status).publishRetained(GatewayButton.TOPIC, "pressed 2");
  }
}
