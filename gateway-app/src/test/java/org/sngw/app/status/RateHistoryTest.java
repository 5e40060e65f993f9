package org.sngw.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateHistoryTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void eachSample_isTheChangeOverTheTimeBetween() {
    RateHistory history = new RateHistory();
    history.sample(100, 0, 0);
    history.sample(120, 10, 2 * SECOND);
    history.sample(120, 40, 4 * SECOND);

    assertThat(history.oldestFirst()).containsExactly(new RateHistory.Rate(10, 5), new RateHistory.Rate(0, 15));
  }

  @Test
  void keepsTheNewestSamplesOnly() {
    RateHistory history = new RateHistory();
    for (int i = 0; i <= RateHistory.KEPT + 5; i++) {
      history.sample(i * (long) i, 0, i * SECOND);
    }

    assertThat(history.oldestFirst()).hasSize(RateHistory.KEPT)
        .last().isEqualTo(new RateHistory.Rate(2 * (RateHistory.KEPT + 5) - 1, 0));
  }
}
