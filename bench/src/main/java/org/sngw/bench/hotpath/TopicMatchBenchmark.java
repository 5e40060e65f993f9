package org.sngw.bench.hotpath;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sngw.broker.topic.MatchSet;
import org.sngw.broker.topic.SubscriptionTree;
import org.sngw.message.Qos;

/**
 * The broker's subscription tree with {@code subscriptions} filters, each of its own subscriber:
 * three that see every reading ({@code #}, {@code sensors/#}, {@code +/+/temp}), and for the rest,
 * per device: 80 % {@code sensors/<n>/temp}, 10 % {@code sensors/<n>/+} and 10 % the broadcast
 * command topic {@code cmd/all}. {@link #matchReading} matches the readings {@code sensors/<n>/temp}
 * of the devices with an exact filter in turn, each found by 4 subscribers whatever the size;
 * {@link #matchBroadcast} matches {@code cmd/all}, found by a tenth of them (11 or 1,001), so the
 * two show the walk and the fan-out apart. {@link #unsubscribeThenSubscribe} is a device's filter
 * leaving and coming back (a clean-session sensor reconnecting): the branch is pruned and rebuilt.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class TopicMatchBenchmark {
  private static final String BROADCAST = "cmd/all";

  @Param({"100", "10000"})
  public int subscriptions;

  private final SubscriptionTree<Object> tree = new SubscriptionTree<>();
  private final MatchSet<Object> matches = new MatchSet<>();
  private final List<String> deviceFilters = new ArrayList<>();
  private final List<Object> deviceSubscribers = new ArrayList<>();
  private int device;

  @Setup
  public void subscribeAll() {
    for (String shared : List.of("#", "sensors/#", "+/+/temp")) {
      tree.subscribe(shared, new Object(), Qos.AT_LEAST_ONCE);
    }
    int broadcastSubscribers = 0;
    for (int device = 0; device < subscriptions - 3; device++) {
      Object subscriber = new Object();
      switch (device % 10) {
        case 0 -> {
          tree.subscribe(BROADCAST, subscriber, Qos.AT_LEAST_ONCE);
          broadcastSubscribers++;
        }
        case 1 -> tree.subscribe("sensors/" + device + "/+", subscriber, Qos.AT_LEAST_ONCE);
        default -> {
          String filter = "sensors/" + device + "/temp";
          tree.subscribe(filter, subscriber, Qos.AT_LEAST_ONCE);
          deviceFilters.add(filter);
          deviceSubscribers.add(subscriber);
        }
      }
    }
    for (String reading : deviceFilters) {
      requireMatches(reading, 4);
    }
    requireMatches(BROADCAST, broadcastSubscribers + 1);
  }

  @Benchmark
  public int matchReading() {
    return matchCount(deviceFilters.get(nextDevice()));
  }

  @Benchmark
  public int matchBroadcast() {
    return matchCount(BROADCAST);
  }

  /** One unsubscribe and one subscribe, over the {@code sensors/<n>/temp} filters in turn. */
  @Benchmark
  public Qos unsubscribeThenSubscribe() {
    int i = nextDevice();
    String filter = deviceFilters.get(i);
    Object subscriber = deviceSubscribers.get(i);
    tree.unsubscribe(filter, subscriber);
    return tree.subscribe(filter, subscriber, Qos.AT_LEAST_ONCE);
  }

  private int nextDevice() {
    device = device + 1 == deviceFilters.size() ? 0 : device + 1;
    return device;
  }

  /** As the broker routes: match into its reused set, read the size, clear. */
  private int matchCount(String topic) {
    tree.match(topic, matches);
    int found = matches.size();
    matches.clear();
    return found;
  }

  private void requireMatches(String topic, int expected) {
    int found = matchCount(topic);
    if (found != expected) {
      throw new IllegalStateException(topic + " matched " + found + " subscribers, not " + expected);
    }
  }
}
