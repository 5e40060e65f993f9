package org.sngw.sim;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sngw.broker.BrokerCore;
import org.sngw.broker.RestoredState;
import org.sngw.sn.gateway.SnGateway;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/**
 * One deterministic run: the real {@link SnGateway} over a real {@link BrokerCore}, sensors and MQTT
 * applications around them, all on one {@link VirtualTime} and one thread, every random choice from
 * one seed. Phases: the planned readings; then waiting until every subscriber has what it is owed
 * (or {@link #DRAIN_LIMIT} passes); then sensors still there disconnect and time runs until nothing
 * is scheduled, which includes the expiry of every persistent session left offline; then the
 * invariants.
 */
final class SimRun {
  /** Long enough that a correct gateway misses it only with negligible probability, even at 20% loss. */
  static final Duration DRAIN_LIMIT = Duration.ofMinutes(30);
  /** Past the drain, so no subscriber still owed a message expires, and short enough to wait out. */
  static final Duration SESSION_EXPIRY = Duration.ofMinutes(40);
  private static final Duration QUIET_LIMIT = SESSION_EXPIRY.plusMinutes(15);
  private static final Duration STEP = Duration.ofSeconds(5);

  private final long seed;
  private final Scenario scenario;
  private final SplittableRandom random;
  private final VirtualTime time = new VirtualTime();
  private final Ledger ledger = new Ledger();
  private final SimTrace trace = SimTrace.fromSystemProperties();
  private final BrokerCore broker;
  private final BrokerProbe probe;
  private final SnGateway gateway;
  private final List<MqttSubscriber> apps = new ArrayList<>();
  private final List<SimSensor> sensors = new ArrayList<>();
  private final SimNetwork network;

  /** @param random the seed's stream, already past drawing the scenario */
  SimRun(long seed, Scenario scenario, SplittableRandom random) {
    this.seed = seed;
    this.scenario = scenario;
    this.random = random;
    // The strict test store: a write that does not fit what was written before fails the run.
    MapStateStore store = new MapStateStore();
    this.broker = new BrokerCore(scenario.broker().withPersistentSessionExpiry(SESSION_EXPIRY), store,
        RestoredState.empty(), time, () -> Instant.ofEpochSecond(time.nanos() / 1_000_000_000L));
    this.probe = new BrokerProbe(broker, time);
    this.gateway = new SnGateway(probe, scenario.gateway(), time, time, store, Map.of());
    this.network = new SimNetwork(time, scenario.network(), scenario.faults(), trace, ledger);
  }

  /** A run of a written-out scenario; the seed still decides link delays and acknowledgement times. */
  static SimResult of(long seed, Scenario scenario) {
    return new SimRun(seed, scenario, new SplittableRandom(seed)).run();
  }

  /** A run of the scenario drawn from {@code seed}. */
  static SimResult ofSeed(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return new SimRun(seed, RandomScenario.draw(random), random).run();
  }

  SimResult run() {
    List<String> violations = new ArrayList<>();
    List<Claims.Claim> claims = List.of();
    Map<String, Long> dropped = Map.of();
    try {
      build();
      time.advance(scenario.readingsEnd());
      claims = drain();
      // Taken with the claims: an expired session takes its count with it.
      dropped = broker.droppedByClient();
      sensors.forEach(SimSensor::windDown);
      goQuiet();
    } catch (RuntimeException | AssertionError e) {
      violations.add("the run threw " + stackTop(e));
    }
    violations.addAll(Invariants.check(new Invariants.Facts(ledger, claims, probe, sensors,
        RetainedSnapshot.take(broker), time.pendingTasks(), gateway.sessionCount(), dropped)));
    if (!scenario.faults().allApplied()) {
      violations.add("a scripted fault never met its datagram; the scenario did not exercise it");
    }
    return new SimResult(seed, violations, trace.format(), stats(claims));
  }

  private void build() {
    network.start(gateway.listenerFor(network, new DirectExecutor()));
    RoutingWatcher.attach(broker, ledger);
    for (Scenario.App app : scenario.apps()) {
      MqttSubscriber subscriber = new MqttSubscriber(app, broker, time, random.split(), ledger);
      subscriber.start();
      apps.add(subscriber);
    }
    for (Scenario.Publisher publisher : scenario.publishers()) {
      new MqttPublisher(publisher.name(), publisher.readings(), broker, time, ledger).start();
    }
    SensorEnv env = new SensorEnv(time, ledger, trace, network.datagramLifetime(), scenario.gateway().predefinedTopics());
    for (SensorPlan plan : scenario.sensors()) {
      SimSensor sensor = new SimSensor(plan, env, network, random.split());
      sensor.start();
      sensors.add(sensor);
    }
  }

  /** Waits until every subscriber has what it is owed now, or the limit; returns what was owed then. */
  private List<Claims.Claim> drain() {
    long limit = time.nanos() + DRAIN_LIMIT.toNanos();
    List<Claims.Claim> owed = Claims.owed(ledger, apps, sensors, probe, time.nanos());
    while (!Claims.allReceived(owed, ledger) && time.nanos() < limit) {
      time.advance(STEP);
      owed = Claims.owed(ledger, apps, sensors, probe, time.nanos());
    }
    trace.add(time.nanos(), "run", "drained; " + owed.size() + " claims");
    return owed;
  }

  private void goQuiet() {
    long limit = time.nanos() + QUIET_LIMIT.toNanos();
    while (time.pendingTasks() > 0 && time.nanos() < limit) {
      time.advance(STEP);
    }
  }

  private SimResult.Stats stats(List<Claims.Claim> claims) {
    int acknowledged = 0;
    int refused = 0;
    for (Publication publication : ledger.publications()) {
      acknowledged += publication.acked() ? 1 : 0;
      refused += publication.refused() ? 1 : 0;
    }
    int receptions = ledger.receptions().values().stream().mapToInt(List::size).sum();
    int lost = (int) probe.connections().stream().filter(c -> c.ending == BrokerProbe.Ending.LOST).count();
    int willsFired = ledger.wills().keySet().stream().mapToInt(ledger::routedCount).sum();
    return new SimResult.Stats(ledger.publications().size(), acknowledged, refused, broker.droppedMessages(),
        broker.behindEvents(), broker.expiredSessions(), claims.size(), receptions,
        probe.connections().size(), lost, willsFired, network.encapsulatedFrames(), time.nanos() / 1_000_000_000L);
  }

  private static String stackTop(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    String[] lines = out.toString().split("\n");
    return String.join("\n      ", java.util.Arrays.copyOf(lines, Math.min(lines.length, 12)));
  }
}
