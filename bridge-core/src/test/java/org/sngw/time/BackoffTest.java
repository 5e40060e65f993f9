package org.sngw.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void delay_default_doublesFromOneSecondToThirty() {
    assertThat(IntStream.range(0, 8).mapToObj(Backoff.DEFAULT::delay).map(Duration::toSeconds))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
  }

  @Test
  void delay_manyFailures_staysAtMaxWithoutOverflow() {
    assertThat(Backoff.DEFAULT.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void delay_maxEqualToInitial_isConstant() {
    Backoff constant = new Backoff(Duration.ofMillis(50), Duration.ofMillis(50));

    assertThat(constant.delay(0)).isEqualTo(constant.delay(5)).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void delay_negativeFailures_isRejected() {
    assertThatThrownBy(() -> Backoff.DEFAULT.delay(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_zeroInitial_isRejected() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageContaining("initial must be positive");
  }

  @Test
  void new_maxBelowInitial_isRejected() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("less than initial");
  }
}
