package org.sngw.app.simulate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The run's MQTT subscribers, all on the same filter, as one: each should get every message, so
 * the counts are sums and a message missed by any of them counts as lost.
 */
final class Subscribers implements AutoCloseable {
  private final List<MqttSubscriber> each;

  private Subscribers(List<MqttSubscriber> each) {
    this.each = each;
  }

  /** Connects {@code count} subscribers, client ids {@code idPrefix-1}, {@code idPrefix-2}, ... */
  static Subscribers start(InetSocketAddress broker, String idPrefix, boolean cleanSession, String filter, int qos,
      int count) throws IOException, InterruptedException {
    List<MqttSubscriber> started = new ArrayList<>();
    try {
      for (int k = 1; k <= count; k++) {
        started.add(MqttSubscriber.start(broker, idPrefix + "-" + k, cleanSession, filter, qos));
      }
    } catch (IOException | RuntimeException e) {
      for (MqttSubscriber s : started) {
        s.close();
      }
      throw e;
    }
    return new Subscribers(List.copyOf(started));
  }

  int count() {
    return each.size();
  }

  List<Thread> threads() {
    return each.stream().map(MqttSubscriber::thread).toList();
  }

  long received() {
    return each.stream().mapToLong(MqttSubscriber::received).sum();
  }

  void awaitQuiet(Duration quiet, Duration limit) throws InterruptedException {
    for (MqttSubscriber s : each) {
      s.awaitQuiet(quiet, limit);
    }
  }

  /** The counts below are valid after {@link #close}. */
  long distinct() {
    return each.stream().mapToLong(MqttSubscriber::distinct).sum();
  }

  /** Deliveries of the messages sent in {@code ranges}, summed over the subscribers. */
  long distinctWithin(List<SentRange> ranges) {
    long total = 0;
    for (MqttSubscriber s : each) {
      for (SentRange range : ranges) {
        total += s.distinctWithin(range);
      }
    }
    return total;
  }

  long duplicates() {
    return each.stream().mapToLong(MqttSubscriber::duplicates).sum();
  }

  long foreign() {
    return each.stream().mapToLong(MqttSubscriber::foreign).sum();
  }

  IOException readFailure() {
    return each.stream().map(MqttSubscriber::readFailure).filter(Objects::nonNull).findFirst().orElse(null);
  }

  LatencyHistogram deliveryLatencies() {
    LatencyHistogram all = new LatencyHistogram();
    each.forEach(s -> all.add(s.deliveryLatencies()));
    return all;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    for (MqttSubscriber s : each) {
      s.close();
    }
  }
}
