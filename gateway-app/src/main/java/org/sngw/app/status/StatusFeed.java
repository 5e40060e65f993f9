package org.sngw.app.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.sngw.json.Json;
import org.sngw.sn.gateway.SensorView;
import org.sngw.time.Cancellable;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;

/**
 * What the status page shows, as one JSON document taken on the core loop: every {@link #PERIOD}
 * the message rates are sampled and, while a page is open, the document goes to it. The sensor
 * list is cut to {@link #MAX_SENSORS}, so a gateway with thousands stays cheap to watch.
 */
final class StatusFeed {
  static final Duration PERIOD = Duration.ofSeconds(2);
  static final int MAX_SENSORS = 500;

  private final StatusSources sources;
  private final Executor core;
  private final Scheduler scheduler;
  private final Clock clock;
  private final long startNanos;
  private final RateHistory rates = new RateHistory();
  private final Consumer<String> watchers;
  private final BooleanSupplier watched;
  private Cancellable next = () -> { };
  private boolean stopped;

  /**
   * @param watchers given each document while {@code watched} says a page is open
   */
  StatusFeed(StatusSources sources, Executor core, Scheduler scheduler, Clock clock, Consumer<String> watchers,
      BooleanSupplier watched) {
    this.sources = sources;
    this.core = core;
    this.scheduler = scheduler;
    this.clock = clock;
    this.startNanos = clock.nanos();
    this.watchers = watchers;
    this.watched = watched;
  }

  /** On the core loop. */
  void start() {
    if (stopped) {
      return;
    }
    rates.sample(sources.broker().messagesReceived(), sources.broker().messagesSent(), clock.nanos());
    if (watched.getAsBoolean()) {
      watchers.accept(document());
    }
    next = scheduler.schedule(PERIOD, this::start);
  }

  /** On the core loop. */
  void stop() {
    stopped = true;
    next.cancel();
  }

  /** The document as it is now, taken on the core loop; from any thread. */
  CompletableFuture<String> now() {
    return CompletableFuture.supplyAsync(this::document, core);
  }

  private String document() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("version", sources.version());
    doc.put("uptimeSeconds", Duration.ofNanos(clock.nanos() - startNanos).toSeconds());
    doc.put("clientsConnected", sources.clientsConnected().getAsInt());
    doc.put("sensorSessions", sources.sensors().sessionCount());
    doc.put("sensors", sources.sensors().sensors(MAX_SENSORS).stream().map(StatusFeed::sensor).toList());
    doc.put("rates", rates());
    doc.put("bridges", sources.bridges().get().stream().map(StatusFeed::bridge).toList());
    doc.put("store", store(sources.store().get()));
    doc.put("warnings", sources.warnings().newestFirst());
    return Json.write(doc);
  }

  private static Map<String, Object> sensor(SensorView view) {
    Map<String, Object> sensor = new LinkedHashMap<>();
    sensor.put("clientId", view.clientId());
    sensor.put("transport", view.transport());
    sensor.put("address", view.address());
    sensor.put("state", view.state());
    sensor.put("silentSeconds", view.silentFor().toSeconds());
    List<Map<String, Object>> topics = new ArrayList<>();
    for (SensorView.TopicValue topic : view.topics()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("topic", topic.topic());
      entry.put("value", topic.value().orElse(null));
      entry.put("ageSeconds", topic.age().map(Duration::toSeconds).orElse(null));
      topics.add(entry);
    }
    sensor.put("topics", topics);
    sensor.put("topicCount", view.topicCount());
    return sensor;
  }

  private Map<String, Object> rates() {
    List<RateHistory.Rate> history = rates.oldestFirst();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("periodSeconds", PERIOD.toSeconds());
    out.put("capacity", RateHistory.KEPT);
    out.put("in", history.stream().map(RateHistory.Rate::in).toList());
    out.put("out", history.stream().map(RateHistory.Rate::out).toList());
    return out;
  }

  private static Map<String, Object> bridge(StatusSources.Bridge bridge) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", bridge.name());
    out.put("state", bridge.state());
    out.put("backlog", bridge.backlog());
    out.put("forwarded", bridge.forwarded());
    return out;
  }

  private static Map<String, Object> store(StatusSources.Store store) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("persistent", store.persistent());
    out.put("fileBytes", store.fileBytes());
    out.put("messageBytes", store.messageBytes());
    out.put("state", store.failing() ? "failing" : "ok");
    return out;
  }
}
