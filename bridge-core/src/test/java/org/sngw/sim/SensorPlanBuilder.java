package org.sngw.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sngw.broker.Subscription;
import org.sngw.message.Qos;
import org.sngw.transport.ForwardedPeer;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.UdpPeer;
import org.sngw.transport.WirelessNodeId;

/**
 * A sensor plan for a focused scenario: a persistent, will-less sensor on its own UDP address that
 * connects at 1 s, stays, and retries every 8 s three times, unless told otherwise.
 */
final class SensorPlanBuilder {
  private final String name;
  private PeerAddress address;
  private boolean cleanSession;
  private boolean will;
  private int keepAliveSeconds = 60;
  private int sleepSeconds;
  private Duration startAt = Duration.ofSeconds(1);
  private final List<Reading> readings = new ArrayList<>();
  private final List<Subscription> subscriptions = new ArrayList<>();
  private SensorPlan.Ending ending = SensorPlan.Ending.STAY;
  private Duration leaveAt = Duration.ZERO;
  private Duration awayFor = Duration.ZERO;

  private SensorPlanBuilder(String name, int host) {
    this.name = name;
    this.address = udp(10, 0, 0, host);
  }

  static SensorPlanBuilder sensor(String name, int host) {
    return new SensorPlanBuilder(name, host);
  }

  /** Puts the sensor behind the forwarder at 10.0.1.{@code forwarderHost}, as radio node {@code node}. */
  SensorPlanBuilder behindForwarder(int forwarderHost, int node) {
    address = new ForwardedPeer(udp(10, 0, 1, forwarderHost), WirelessNodeId.of(new byte[] {0x13, (byte) node}));
    return this;
  }

  SensorPlanBuilder clean() {
    cleanSession = true;
    return this;
  }

  SensorPlanBuilder withWill() {
    will = true;
    return this;
  }

  SensorPlanBuilder sleeping(int seconds) {
    sleepSeconds = seconds;
    return this;
  }

  SensorPlanBuilder startsAt(double seconds) {
    startAt = Duration.ofMillis((long) (seconds * 1000));
    return this;
  }

  SensorPlanBuilder publishes(double atSeconds, String topic, Qos qos) {
    readings.add(new Reading(Duration.ofMillis((long) (atSeconds * 1000)), topic, qos, false));
    return this;
  }

  SensorPlanBuilder publishesRetained(double atSeconds, String topic, Qos qos) {
    readings.add(new Reading(Duration.ofMillis((long) (atSeconds * 1000)), topic, qos, true));
    return this;
  }

  SensorPlanBuilder subscribes(String filter, Qos qos) {
    subscriptions.add(new Subscription(filter, qos));
    return this;
  }

  SensorPlanBuilder vanishesAt(double seconds) {
    return ending(SensorPlan.Ending.VANISH, seconds);
  }

  /** Disconnects at {@code seconds} and comes back {@code forSeconds} later. */
  SensorPlanBuilder awayAt(double seconds, int forSeconds) {
    awayFor = Duration.ofSeconds(forSeconds);
    return ending(SensorPlan.Ending.AWAY, seconds);
  }

  SensorPlan build() {
    return new SensorPlan(name, address, cleanSession, will, false, keepAliveSeconds, Duration.ofSeconds(8), 3,
        startAt, readings, subscriptions, sleepSeconds, ending, leaveAt, awayFor);
  }

  private SensorPlanBuilder ending(SensorPlan.Ending how, double seconds) {
    ending = how;
    leaveAt = Duration.ofMillis((long) (seconds * 1000));
    return this;
  }

  private static UdpPeer udp(int a, int b, int c, int d) {
    try {
      return new UdpPeer(new InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}), 1884));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("a 4-byte address is always valid", e);
    }
  }
}
