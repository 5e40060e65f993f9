package org.sngw.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  @Test
  void scrape_gaugeFamily_followsTheKeysOfItsMap() {
    Map<String, Long> dropped = new ConcurrentHashMap<>(Map.of("evil", 900L, "logger", 3L));
    metrics.gauges("sngw.broker.client.messages.dropped", "dropped for the client", "client", () -> Map.copyOf(dropped));

    assertThat(metrics.scrape())
        .contains("sngw_broker_client_messages_dropped{client=\"evil\"} 900.0")
        .contains("sngw_broker_client_messages_dropped{client=\"logger\"} 3.0");

    dropped.remove("evil");
    dropped.put("logger", 5L);
    assertThat(metrics.scrape())
        .doesNotContain("evil")
        .contains("sngw_broker_client_messages_dropped{client=\"logger\"} 5.0");
  }
}
