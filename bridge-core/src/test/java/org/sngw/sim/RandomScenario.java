package org.sngw.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.Subscription;
import org.sngw.message.Qos;
import org.sngw.sn.gateway.MqttSnConfig;
import org.sngw.transport.ForwardedPeer;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.UdpPeer;
import org.sngw.transport.WirelessNodeId;

/**
 * Draws a house full of sensors from a seed: 16 to 24 sensors in three rooms, a quarter of them
 * behind one of two forwarders, clean or persistent, with or without a will, publishing their own
 * readings and shared retained room states at QoS 0, 1 and 2, some subscribed to what others
 * publish, a third sleeping whenever idle; some vanish, some leave, some go away and come back. On the MQTT side, a dashboard, a
 * room panel and a console that sets retained states and sends commands.
 */
final class RandomScenario {
  static final Map<Integer, String> PREDEFINED = Map.of(1, "pre/alarm");
  private static final List<String> ROOMS = List.of("kitchen", "hall", "attic");
  private static final Duration READINGS_END = Duration.ofSeconds(150);

  private final SplittableRandom random;

  private RandomScenario(SplittableRandom random) {
    this.random = random;
  }

  static Scenario draw(SplittableRandom random) {
    return new RandomScenario(random).scenario();
  }

  private Scenario scenario() {
    int count = 16 + random.nextInt(9);
    List<SensorPlan> sensors = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      sensors.add(sensor(i));
    }
    // A tight queue makes subscribers that fall behind hold publishers back and drop their oldest.
    int queue = random.nextBoolean() ? 16 : BrokerConfig.defaults().maxQueuedMessages();
    List<Scenario.App> apps = new ArrayList<>(List.of(
        new Scenario.App("dashboard", List.of(new Subscription("#", Qos.EXACTLY_ONCE))),
        new Scenario.App("states", List.of(new Subscription("home/+/state", Qos.AT_LEAST_ONCE))),
        new Scenario.App("kitchen-panel", List.of(new Subscription("home/kitchen/#", Qos.AT_MOST_ONCE))),
        // MQTT 5 beside 3.1.1: a smaller window of its own, and identifiers on overlapping filters
        new Scenario.App("panel-5", List.of(
            new Subscription("home/#", Qos.AT_LEAST_ONCE, Subscription.RetainHandling.ALWAYS, false, false, 7),
            new Subscription("home/+/state", Qos.EXACTLY_ONCE, Subscription.RetainHandling.ALWAYS, false, false, 3)),
            Scenario.Pace.PROMPT, 4 + random.nextInt(29))));
    if (random.nextBoolean()) {
      apps.add(new Scenario.App("logger", List.of(new Subscription("#", Qos.AT_LEAST_ONCE)), Scenario.Pace.SLOW));
    }
    if (random.nextBoolean()) {
      apps.add(new Scenario.App("assistant", List.of(new Subscription("#", Qos.EXACTLY_ONCE)), Scenario.Pace.VANISHED));
    }
    return new Scenario(
        NetworkProfile.lossy(),
        ScriptedFaults.none(),
        MqttSnConfig.defaults().withPredefinedTopics(PREDEFINED),
        new BrokerConfig(queue, 32, 256 * 1024),
        sensors,
        apps,
        List.of(new Scenario.Publisher("console", consoleReadings())),
        READINGS_END);
  }

  private SensorPlan sensor(int i) {
    String name = String.format("s%02d", i);
    String room = pick(ROOMS);
    boolean clean = random.nextBoolean();
    Duration startAt = millis(0, 15_000);
    SensorPlan.Ending ending = ending(clean);
    Duration leaveAt = millis(30_000, 140_000);
    List<Reading> readings = random.nextDouble() < 0.7 ? readings(name, room, startAt) : List.of();
    List<Subscription> subscriptions = random.nextDouble() < 0.45 ? subscriptions(name, room) : List.of();
    int sleepSeconds = random.nextDouble() < 0.3 ? 20 + random.nextInt(41) : 0;
    return new SensorPlan(name, address(i), clean, random.nextBoolean(), random.nextDouble() < 0.3,
        30 + random.nextInt(61), millis(6_000, 12_000), 3 + random.nextInt(2), startAt, readings, subscriptions,
        sleepSeconds, ending, leaveAt, millis(20_000, 60_000));
  }

  private SensorPlan.Ending ending(boolean clean) {
    double draw = random.nextDouble();
    if (draw < 0.2) {
      return SensorPlan.Ending.VANISH;
    } else if (draw < 0.35) {
      return SensorPlan.Ending.DEPART;
    } else if (draw < 0.5 && !clean) {
      return SensorPlan.Ending.AWAY;
    }
    return SensorPlan.Ending.STAY;
  }

  private List<Reading> readings(String name, String room, Duration startAt) {
    List<Reading> readings = new ArrayList<>();
    long period = 20_000 + random.nextInt(25_000);
    for (long at = startAt.toMillis() + period; at < READINGS_END.toMillis(); at += period / 2 + random.nextLong(period)) {
      double kind = random.nextDouble();
      if (kind < 0.5) {
        readings.add(new Reading(Duration.ofMillis(at), "home/" + room + "/" + name + "/t", qos(), false));
      } else if (kind < 0.75) {
        readings.add(new Reading(Duration.ofMillis(at), "home/" + room + "/state", qos(), true));
      } else if (kind < 0.85) {
        readings.add(new Reading(Duration.ofMillis(at), "pre/alarm", qos(), random.nextDouble() < 0.3));
      } else {
        readings.add(new Reading(Duration.ofMillis(at), "ab", qos(), false));
      }
    }
    return readings;
  }

  private List<Subscription> subscriptions(String name, String room) {
    List<String> filters = List.of(
        "home/" + room + "/+/t", "home/" + pick(ROOMS) + "/state", "home/+/state", "pre/alarm", "ab",
        "home/" + room + "/cmd");
    List<Subscription> subscriptions = new ArrayList<>();
    int wanted = 1 + random.nextInt(2);
    while (subscriptions.size() < wanted) {
      String filter = pick(filters);
      if (subscriptions.stream().noneMatch(s -> s.filter().equals(filter))) {
        subscriptions.add(new Subscription(filter, Qos.of(random.nextInt(3))));
      }
    }
    return subscriptions;
  }

  private List<Reading> consoleReadings() {
    List<Reading> readings = new ArrayList<>();
    for (long at = 5_000 + random.nextInt(10_000); at < READINGS_END.toMillis(); at += 10_000 + random.nextInt(20_000)) {
      String room = pick(ROOMS);
      readings.add(random.nextBoolean()
          ? new Reading(Duration.ofMillis(at), "home/" + room + "/state", Qos.of(1 + random.nextInt(2)), true)
          : new Reading(Duration.ofMillis(at), "home/" + room + "/cmd", qos(), false));
    }
    return readings;
  }

  private Qos qos() {
    double draw = random.nextDouble();
    return draw < 0.2 ? Qos.AT_MOST_ONCE : draw < 0.6 ? Qos.AT_LEAST_ONCE : Qos.EXACTLY_ONCE;
  }

  /** A quarter of the sensors sit behind one of two forwarders, the rest on their own UDP address. */
  private PeerAddress address(int i) {
    if (random.nextDouble() < 0.25) {
      PeerAddress forwarder = udp(new byte[] {10, 0, 1, (byte) (1 + random.nextInt(2))});
      return new ForwardedPeer(forwarder, WirelessNodeId.of(new byte[] {0x13, (byte) i}));
    }
    return udp(new byte[] {10, 0, 0, (byte) i});
  }

  private static UdpPeer udp(byte[] ip) {
    try {
      return new UdpPeer(new InetSocketAddress(InetAddress.getByAddress(ip), 1884));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("a 4-byte address is always valid", e);
    }
  }

  private Duration millis(int from, int to) {
    return Duration.ofMillis(from + random.nextInt(to - from));
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
