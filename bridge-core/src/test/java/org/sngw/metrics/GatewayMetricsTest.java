package org.sngw.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {
  private final GatewayMetrics metrics = new GatewayMetrics();

  @Test
  void scrape_readsCountersAndGaugesWhenAsked() {
    AtomicLong syncs = new AtomicLong();
    AtomicLong sessions = new AtomicLong();
    metrics.counter("sngw.store.syncs", "disk syncs of the store", syncs::get);
    metrics.gauge("sngw.sn.sessions", "sensors with a session", sessions::get);
    syncs.set(42);
    sessions.set(7);

    String text = metrics.scrape();

    assertThat(text)
        .contains("# HELP sngw_store_syncs_total disk syncs of the store")
        .contains("sngw_store_syncs_total 42.0")
        .contains("sngw_sn_sessions 7.0");
  }
}
