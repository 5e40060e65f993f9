package org.sngw.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The gateway's metrics in Prometheus form. Components keep their own cheap counters (LongAdders,
 * volatile gauges); this registry only reads them when scraped, so the message path never touches
 * Micrometer.
 */
public final class GatewayMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  // Micrometer holds function meters' sources weakly; these are the strong references.
  private final List<LongSupplier> sources = new ArrayList<>();

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

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }
}
