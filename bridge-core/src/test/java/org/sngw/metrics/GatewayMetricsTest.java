package org.sngw.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.sngw.transport.TransportStats;

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

  @Test
  void transport_publishesEveryStatUnderItsKindAndTag() {
    TransportStats stats = new TransportStats("serial", Optional.of(new TransportStats.Tag("port", "/dev/ttyUSB0")));
    LongAdder reopens = stats.counter("reopens", "times the port came back");
    stats.gauge("open", "1 while the port is open", () -> 1);
    stats.received().add(3);
    reopens.increment();
    metrics.transport(stats);

    assertThat(metrics.scrape())
        .contains("sngw_serial_frames_received_total{port=\"/dev/ttyUSB0\"} 3.0")
        .contains("sngw_serial_frames_dropped_total{port=\"/dev/ttyUSB0\"} 0.0")
        .contains("sngw_serial_reopens_total{port=\"/dev/ttyUSB0\"} 1.0")
        .contains("# TYPE sngw_serial_open gauge")
        .contains("sngw_serial_open{port=\"/dev/ttyUSB0\"} 1.0");
  }

  @Test
  void transport_family_publishesAValuePerPeer_andForgetsOneGone() {
    TransportStats stats = new TransportStats("ble", Optional.empty());
    Map<String, Long> dropped = new ConcurrentHashMap<>(Map.of("AA:BB:CC:00:00:01", 2L, "AA:BB:CC:00:00:02", 0L));
    stats.family("device.frames.dropped", "dropped per device", "device", () -> dropped);
    metrics.transport(stats);

    assertThat(metrics.scrape()).contains("sngw_ble_device_frames_dropped{device=\"AA:BB:CC:00:00:01\"} 2.0");
    dropped.remove("AA:BB:CC:00:00:01");
    assertThat(metrics.scrape()).doesNotContain("AA:BB:CC:00:00:01")
        .contains("sngw_ble_device_frames_dropped{device=\"AA:BB:CC:00:00:02\"} 0.0");
  }

  @Test
  void transport_untagged_publishesPlainNames() {
    TransportStats stats = new TransportStats("udp", Optional.empty());
    stats.sent().add(2);
    metrics.transport(stats);

    assertThat(metrics.scrape()).contains("sngw_udp_frames_sent_total 2.0");
  }
}
