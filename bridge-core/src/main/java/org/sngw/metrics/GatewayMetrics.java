package org.sngw.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.sngw.transport.TransportStats;

/**
 * The gateway's metrics in Prometheus form. Components keep their own cheap counters (LongAdders,
 * volatile gauges); this registry only reads them when scraped, so the message path never touches
 * Micrometer.
 */
public final class GatewayMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  // Micrometer holds function meters' sources weakly; these are the strong references.
  private final List<LongSupplier> sources = new ArrayList<>();
  // Families whose members come and go (one per client, say), brought up to date on each scrape.
  private final List<Runnable> refreshes = new ArrayList<>();

  /** A monotonically growing count, read on scrape; exported with a {@code _total} suffix. */
  public synchronized void counter(String name, String description, LongSupplier value) {
    sources.add(value);
    FunctionCounter.builder(name, value, LongSupplier::getAsLong).description(description).register(registry);
  }

  /** A counter of one instance of something, told apart by a tag (a bridge by its name, say). */
  public synchronized void counter(String name, String description, String tag, String tagValue, LongSupplier value) {
    sources.add(value);
    FunctionCounter.builder(name, value, LongSupplier::getAsLong)
        .description(description)
        .tag(tag, tagValue)
        .register(registry);
  }

  /** A gauge of one instance of something, told apart by a tag. */
  public synchronized void gauge(String name, String description, String tag, String tagValue, LongSupplier value) {
    sources.add(value);
    Gauge.builder(name, value, LongSupplier::getAsLong).description(description).tag(tag, tagValue).register(registry);
  }

  /** A value that goes up and down, read on scrape. */
  public synchronized void gauge(String name, String description, LongSupplier value) {
    sources.add(value);
    Gauge.builder(name, value, LongSupplier::getAsLong).description(description).register(registry);
  }

  /** Everything a transport counts, under the names and tag it chose. */
  public synchronized void transport(TransportStats stats) {
    Tags tags = stats.tag().map(tag -> Tags.of(tag.key(), tag.value())).orElse(Tags.empty());
    for (TransportStats.Metric metric : stats.metrics()) {
      LongSupplier value = metric.value();
      sources.add(value);
      if (metric.kind() == TransportStats.Kind.COUNTER) {
        FunctionCounter.builder(metric.name(), value, LongSupplier::getAsLong)
            .description(metric.description()).tags(tags).register(registry);
      } else {
        Gauge.builder(metric.name(), value, LongSupplier::getAsLong)
            .description(metric.description()).tags(tags).register(registry);
      }
    }
    for (TransportStats.Family family : stats.families()) {
      gauges(family.name(), family.description(), family.tagKey(), family.values());
    }
  }

  /**
   * One gauge per key of the map {@code values} returns, tagged {@code tag=key}; keys that are gone
   * from the map are gone from the exposition. The map is read on each scrape, from the scraping
   * thread, so it must be safe to read there.
   */
  public synchronized void gauges(
      String name, String description, String tag, Supplier<Map<String, Long>> values) {
    MultiGauge family = MultiGauge.builder(name).description(description).register(registry);
    refreshes.add(() -> family.register(
        values.get().entrySet().stream()
            .map(entry -> MultiGauge.Row.of(Tags.of(tag, entry.getKey()), entry.getValue()))
            .toList(),
        true));
  }

  /** The Prometheus text exposition of every metric. */
  public synchronized String scrape() {
    refreshes.forEach(Runnable::run);
    return registry.scrape();
  }

  /**
   * One metric's value now.
   *
   * @param name as registered, dotted ({@code sngw.sn.malformed})
   * @param tags its tags, by key in key order
   */
  public record Reading(String name, SortedMap<String, String> tags, double value) {}

  /** Every metric's value now, from the same meters {@link #scrape()} exposes (for {@code $SYS}). */
  public synchronized List<Reading> read() {
    refreshes.forEach(Runnable::run);
    List<Reading> readings = new ArrayList<>();
    for (Meter meter : registry.getMeters()) {
      SortedMap<String, String> tags = new TreeMap<>();
      meter.getId().getTags().forEach(tag -> tags.put(tag.getKey(), tag.getValue()));
      for (Measurement measurement : meter.measure()) {
        readings.add(new Reading(meter.getId().getName(), tags, measurement.getValue()));
      }
    }
    return readings;
  }
}
