package org.sngw.metrics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sngw.broker.Broker;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.time.Cancellable;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;

/**
 * Every metric as a retained {@code $SYS/broker/...} topic, in the shape Mosquitto uses, every
 * interval: read from the same meters the Prometheus endpoint scrapes, so the two always agree.
 * Mosquitto's own topics keep its names ({@code clients/connected}, {@code messages/received},
 * {@code retained messages/count}, {@code uptime} as "N seconds", ...); the gateway's own sit under
 * {@code $SYS/broker/gateway/}, the metric's name as levels, then its tag values (e.g.
 * {@code $SYS/broker/gateway/sn/malformed/length_mismatch}). A topic is published when its value
 * changes, and emptied (its retained message deleted) when its metric is gone, such as a BLE
 * device's counters after it left, so what {@code $SYS} holds stays bounded by what exists. Metrics
 * per MQTT client are left out: clients come and go by the thousand. Runs on the core loop.
 */
public final class SysTopics {
  static final String PREFIX = "$SYS/broker/";
  private static final String OWN = "sngw.";
  private static final String BROKER = OWN + "broker.";
  /** Mosquitto's names where the metric's dotted name would not give them. */
  private static final Map<String, String> MOSQUITTO = Map.of(
      BROKER + "subscriptions", "subscriptions/count",
      BROKER + "retained", "retained messages/count",
      BROKER + "store.bytes", "store/messages/bytes");

  private final Broker broker;
  private final Scheduler scheduler;
  private final Clock clock;
  private final GatewayMetrics metrics;
  private final Runnable beforeEachRound;
  private final String version;
  private final Duration interval;
  private final long startedNanos;
  private Map<String, String> published = new HashMap<>();
  private Cancellable next = () -> { };
  private boolean stopped;

  /**
   * @param beforeEachRound brings up to date what the meters read (a census taken on the core loop)
   * @param version what {@code $SYS/broker/version} says, e.g. "sngw 0.1.0"
   * @param interval how often; positive
   */
  public <T extends Scheduler & Clock> SysTopics(Broker broker, T timers, GatewayMetrics metrics,
      Runnable beforeEachRound, String version, Duration interval) {
    this.broker = Objects.requireNonNull(broker, "broker");
    this.scheduler = timers;
    this.clock = timers;
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.beforeEachRound = Objects.requireNonNull(beforeEachRound, "beforeEachRound");
    this.version = Objects.requireNonNull(version, "version");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    this.interval = interval;
    this.startedNanos = timers.nanos();
  }

  /** Publishes every topic now and again each interval. */
  public void start() {
    round();
  }

  public void stop() {
    stopped = true;
    next.cancel();
  }

  /** The topic a metric is published on; empty for one left out. */
  static Optional<String> topicOf(GatewayMetrics.Reading reading) {
    String name = reading.name();
    if (reading.tags().containsKey("client") || !name.startsWith(OWN)) {
      return Optional.empty();
    }
    StringBuilder topic = new StringBuilder(PREFIX);
    String mosquitto = MOSQUITTO.get(name);
    if (mosquitto != null) {
      topic.append(mosquitto);
    } else if (name.startsWith(BROKER)) {
      topic.append(name.substring(BROKER.length()).replace('.', '/'));
    } else {
      topic.append("gateway/").append(name.substring(OWN.length()).replace('.', '/'));
    }
    reading.tags().values().forEach(value -> topic.append('/').append(level(value)));
    return Optional.of(topic.toString());
  }

  /** A tag value as one topic level: no separator, no wildcard, never empty. */
  private static String level(String value) {
    String level = value.replace('/', '_').replace('+', '_').replace('#', '_');
    return level.isEmpty() ? "_" : level;
  }

  private static String text(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private void round() {
    if (stopped) {
      return;
    }
    beforeEachRound.run();
    Map<String, String> now = new HashMap<>();
    now.put(PREFIX + "version", version);
    now.put(PREFIX + "uptime", Duration.ofNanos(clock.nanos() - startedNanos).toSeconds() + " seconds");
    for (GatewayMetrics.Reading reading : metrics.read()) {
      topicOf(reading).ifPresent(topic -> now.put(topic, text(reading.value())));
    }
    now.forEach((topic, value) -> {
      if (!value.equals(published.get(topic))) {
        publish(topic, value);
      }
    });
    published.keySet().stream().filter(topic -> !now.containsKey(topic)).forEach(gone -> publish(gone, ""));
    published = now;
    next = scheduler.schedule(interval, this::round);
  }

  private void publish(String topic, String value) {
    broker.publish(null, new Message(topic, value.getBytes(StandardCharsets.UTF_8), Qos.AT_MOST_ONCE, true),
        outcome -> { });
  }
}
