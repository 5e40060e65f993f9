package org.sngw.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
  @Test
  void percentile_uniformMicroseconds_withinBucketPrecision() {
    LatencyHistogram h = new LatencyHistogram();
    for (long micros = 1; micros <= 10_000; micros++) {
      h.record(micros * 1_000);
    }
    assertThat(h.count()).isEqualTo(10_000);
    assertThat((double) h.percentile(50)).isCloseTo(5_000_000, within(5_000_000 * 0.02));
    assertThat((double) h.percentile(99)).isCloseTo(9_900_000, within(9_900_000 * 0.02));
    assertThat(h.percentile(100)).isEqualTo(10_000_000);
    assertThat(h.max()).isEqualTo(10_000_000);
  }

  @Test
  void percentile_smallValues_exact() {
    LatencyHistogram h = new LatencyHistogram();
    h.record(3);
    h.record(100);
    assertThat(h.percentile(50)).isEqualTo(3);
    assertThat(h.percentile(100)).isEqualTo(100);
  }

  @Test
  void add_twoHistograms_countsAndMaxCombine() {
    LatencyHistogram a = new LatencyHistogram();
    LatencyHistogram b = new LatencyHistogram();
    a.record(1_000);
    b.record(Long.MAX_VALUE);
    a.add(b);
    assertThat(a.count()).isEqualTo(2);
    assertThat(a.max()).isEqualTo(Long.MAX_VALUE);
    assertThat(a.percentile(100)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void percentile_empty_zero() {
    assertThat(new LatencyHistogram().percentile(99)).isZero();
  }
}
