package org.sngw.transport;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What one transport counts, in the same shape for every transport: frames received, sent and
 * dropped, input that made no frame and frames the listener failed on, plus counters and gauges of
 * its own. The gateway publishes {@link #metrics()} as they are, named {@code sngw.KIND.SUFFIX}, so
 * a new transport brings its metrics without an edit anywhere else. Counters may be incremented
 * from any thread.
 */
public final class TransportStats {
  /** How a metric is read: a counter only grows, a gauge is a value now. */
  public enum Kind { COUNTER, GAUGE }

  /** One published number. */
  public record Metric(String name, String description, Kind kind, LongSupplier value) {}

  /**
   * A value for each of a changing set of peers (the BLE devices connected, say), told apart by
   * {@code tagKey}: a peer gone from the map is gone from the metrics, so the set stays bounded by
   * what the transport holds.
   */
  public record Family(String name, String description, String tagKey, Supplier<Map<String, Long>> values) {}

  /** Tells one instance of a transport from another of its kind, e.g. {@code port=/dev/ttyUSB0}. */
  public record Tag(String key, String value) {
    public Tag {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  private final String prefix;
  private final Optional<Tag> tag;
  private final List<Metric> metrics = new CopyOnWriteArrayList<>();
  private final List<Family> families = new CopyOnWriteArrayList<>();
  private final LongAdder received;
  private final LongAdder sent;
  private final LongAdder dropped;
  private final LongAdder discarded;
  private final LongAdder listenerErrors;

  /**
   * @param kind the transport's kind in metric names: {@code udp}, {@code serial}, {@code ble}
   * @param tag set when several transports of the kind can run at once
   */
  public TransportStats(String kind, Optional<Tag> tag) {
    this.prefix = "sngw." + Objects.requireNonNull(kind, "kind") + ".";
    this.tag = Objects.requireNonNull(tag, "tag");
    received = counter("frames.received", "frames received and handed to the gateway");
    sent = counter("frames.sent", "frames sent");
    dropped = counter("frames.dropped", "frames not sent: queue full, peer gone or transport closed");
    discarded = counter("input.discarded", "input that made no frame: garbage, bad checksums, incomplete frames");
    listenerErrors = counter("listener.errors", "frames the gateway failed on (a bug, logged at debug)");
  }

  /** Registers a counter of this transport's own and returns it for the transport to increment. */
  public LongAdder counter(String suffix, String description) {
    LongAdder counter = new LongAdder();
    metrics.add(new Metric(prefix + suffix, description, Kind.COUNTER, counter::sum));
    return counter;
  }

  /** Registers a value per peer, read on demand from the map {@code values} gives (safe to read from any thread). */
  public void family(String suffix, String description, String tagKey, Supplier<Map<String, Long>> values) {
    families.add(new Family(prefix + suffix, description, tagKey, values));
  }

  /** Registers a value the transport reads on demand, such as whether its device is open. */
  public void gauge(String suffix, String description, LongSupplier value) {
    metrics.add(new Metric(prefix + suffix, description, Kind.GAUGE, value));
  }

  /** Frames handed to the listener. */
  public LongAdder received() {
    return received;
  }

  /** Frames written to the medium. */
  public LongAdder sent() {
    return sent;
  }

  /** Frames not sent: queue full, wrong or vanished peer, oversized, transport not running. */
  public LongAdder dropped() {
    return dropped;
  }

  /** Input that made no frame: line noise, bad checksums, partial frames that timed out. */
  public LongAdder discarded() {
    return discarded;
  }

  /** Frames on which the listener threw. */
  public LongAdder listenerErrors() {
    return listenerErrors;
  }

  public Optional<Tag> tag() {
    return tag;
  }

  /** Everything to publish, the standard counters first. */
  public List<Metric> metrics() {
    return List.copyOf(metrics);
  }

  /** The per-peer values to publish. */
  public List<Family> families() {
    return List.copyOf(families);
  }
}
