package org.sngw.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogFormatTest {
  @Test
  void duration_wholeSecondsInSeconds_restInMilliseconds() {
    assertThat(LogFormat.duration(Duration.ofSeconds(30))).isEqualTo("30 s");
    assertThat(LogFormat.duration(Duration.ofMinutes(2))).isEqualTo("120 s");
    assertThat(LogFormat.duration(Duration.ofMillis(250))).isEqualTo("250 ms");
    assertThat(LogFormat.duration(Duration.ofMillis(1500))).isEqualTo("1500 ms");
  }
}
