package org.sngw.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sngw.message.Qos.AT_LEAST_ONCE;
import static org.sngw.message.Qos.EXACTLY_ONCE;
import static org.sngw.sim.Direction.DOWN;
import static org.sngw.sim.Direction.UP;
import static org.sngw.sim.SensorPlanBuilder.sensor;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.Subscription;
import org.sngw.sn.codec.SnMessageType;
import org.sngw.sn.gateway.MqttSnConfig;

/**
 * Focused runs on a loss-free network with one scripted fault each, so each is known to exercise its
 * case (a run fails if a scripted fault never meets its datagram). All invariants are checked as in
 * the seeded runs; a dashboard subscribed to {@code #} at QoS 2 watches every message.
 */
class SimScenariosTest {
  private static final long SEED = 1;

  @Test
  void qos2PubrecLost_publishIsResentAndArrivesExactlyOnce() {
    SimResult result = passes(scenario(ScriptedFaults.none().lose(DOWN, SnMessageType.PUBREC, 1),
        sensor("pub", 1).publishes(10, "home/hall/pub/t", EXACTLY_ONCE).build(),
        sensor("sub", 2).subscribes("home/hall/+/t", EXACTLY_ONCE).build()));

    assertThat(result.stats().claims()).as("dashboard and sub are owed it").isEqualTo(2);
  }

  @Test
  void registerLostBothWays_isResentAndTheMessageGetsThrough() {
    SimResult result = passes(scenario(
        ScriptedFaults.none().lose(UP, SnMessageType.REGISTER, 1).lose(DOWN, SnMessageType.REGISTER, 1),
        sensor("pub", 1).publishes(10, "home/hall/pub/t", AT_LEAST_ONCE).build(),
        sensor("sub", 2).subscribes("home/hall/+/t", AT_LEAST_ONCE).build()));

    assertThat(result.stats().claims()).isEqualTo(2);
  }

  @Test
  void pubrelDuplicatedBothWays_eachMessageArrivesOnce() {
    SimResult result = passes(scenario(
        ScriptedFaults.none()
            .duplicateLate(UP, SnMessageType.PUBREL, 1, Duration.ofSeconds(2))
            .duplicate(DOWN, SnMessageType.PUBREL, 1),
        sensor("pub", 1).publishes(10, "home/hall/pub/t", EXACTLY_ONCE).build(),
        sensor("sub", 2).subscribes("home/hall/+/t", EXACTLY_ONCE).build()));

    assertThat(result.stats().claims()).isEqualTo(2);
  }

  @Test
  void sensorVanishesAwaitingPuback_itsWillFiresOnce() {
    SimResult result = passes(scenario(ScriptedFaults.none().lose(DOWN, SnMessageType.PUBACK, 1),
        sensor("s1", 1).clean().withWill().publishes(10, "home/hall/s1/t", AT_LEAST_ONCE).vanishesAt(11).build()));

    assertThat(result.stats().willsFired()).isEqualTo(1);
  }

  @Test
  void forwardedSensors_publishAndReceiveThroughTheirForwarder() {
    SimResult result = passes(scenario(ScriptedFaults.none().lose(UP, SnMessageType.PUBLISH, 1),
        sensor("f1", 1).behindForwarder(1, 1)
            .publishes(10, "home/attic/f1/t", AT_LEAST_ONCE).publishes(20, "home/attic/f1/t", EXACTLY_ONCE).build(),
        sensor("f2", 2).behindForwarder(1, 2).subscribes("home/attic/#", EXACTLY_ONCE).build()));

    assertThat(result.stats().claims()).isEqualTo(4);
    assertThat(result.stats().encapsulatedFrames()).isPositive();
  }

  @Test
  void sleepingSubscriber_getsWhatWasPublishedWhileItSlept() {
    SimResult result = passes(scenario(ScriptedFaults.none().lose(DOWN, SnMessageType.PINGRESP, 1),
        sensor("pub", 1).publishes(20, "home/hall/pub/t", AT_LEAST_ONCE).publishes(25, "home/hall/pub/t", EXACTLY_ONCE)
            .build(),
        sensor("sleeper", 2).sleeping(30).subscribes("home/hall/+/t", EXACTLY_ONCE).build()));

    assertThat(result.stats().claims()).isEqualTo(4);
  }

  /** Found with seeds 1 and 3: the old connection stayed attached to the broker for good. */
  @Test
  void replacingConnectNeverCompletes_theReplacedConnectionEndsAndItsWillFires() {
    SimResult result = passes(scenario(
        ScriptedFaults.none().lose(DOWN, SnMessageType.CONNACK, 1).lose(DOWN, SnMessageType.WILLTOPICREQ, 2),
        sensor("s1", 1).withWill().vanishesAt(12).build()));

    assertThat(result.stats().willsFired()).isEqualTo(1);
  }

  /** Found with seed 15: a copy of the PUBLISH arriving after its PUBREL was published again. */
  @Test
  void qos2PublishCopyAfterPubrel_isNotPublishedAgain() {
    passes(scenario(ScriptedFaults.none().duplicateLate(UP, SnMessageType.PUBLISH, 1, Duration.ofSeconds(2)),
        sensor("pub", 1).publishes(10, "home/hall/pub/t", EXACTLY_ONCE).build()));
  }

  /**
   * Seed 61 once found a refusal for a full queue mishandled; a full queue no longer refuses. The
   * away subscriber's one-message queue, full at 15 s, drops its oldest for the QoS 2 message: the
   * publisher is not refused, the dashboard gets both, the away sensor the newer one.
   */
  @Test
  void awaySubscriberWithFullQueue_dropsItsOldestAndThePublisherIsNotRefused() {
    SimResult result = passes(scenario(
        ScriptedFaults.none(),
        new BrokerConfig(1, 32, 256 * 1024),
        sensor("sub", 2).subscribes("home/hall/+/t", AT_LEAST_ONCE).awayAt(6, 5).build(),
        sensor("pub", 1).publishes(10, "home/hall/pub/t", AT_LEAST_ONCE)
            .publishes(15, "home/hall/pub/t", EXACTLY_ONCE).build()));

    assertThat(result.stats().refused()).isZero();
    assertThat(result.stats().dropped()).as("the away sensor's older message").isEqualTo(1);
    assertThat(result.stats().claims()).isEqualTo(4);
  }

  /**
   * Found with seeds 4715 and 7565 of {@code -Dsim.runs=10000 -Dsim.firstSeed=300}, not fixed yet.
   * The retained PUBLISH on the topic id of the SUBACK overtakes that SUBACK, so the sensor answers
   * "invalid topic id" (as it must: it has no such id yet) and the gateway forgets the id. Meanwhile
   * the sensor, SUBACK in hand, publishes QoS 2 on that id: routed, PUBREC lost. Its resend (msg id
   * still held by the broker) is then refused with "invalid topic id" instead of answered PUBREC,
   * so the sensor, told the message was not taken, publishes it again: routed twice. Expected: a
   * resend of a QoS 2 msg id the broker holds is answered PUBREC whatever became of its topic id
   * (or an id the sensor itself registered or subscribed is not forgotten on one refusal).
   */
  @Test
  void qos2ResendAfterItsTopicIdWasForgotten_isNotPublishedTwice() {
    passes(scenario(
        ScriptedFaults.none()
            .delay(DOWN, SnMessageType.SUBACK, 1, Duration.ofMillis(100))
            .delay(UP, SnMessageType.PUBACK, 1, Duration.ofSeconds(2))
            .lose(DOWN, SnMessageType.PUBREC, 1),
        sensor("pub", 1).publishesRetained(5, "home/kitchen/state", AT_LEAST_ONCE).build(),
        sensor("s", 2).startsAt(10).subscribes("home/kitchen/state", AT_LEAST_ONCE)
            .publishesRetained(13, "home/kitchen/state", EXACTLY_ONCE).build()));
  }

  /**
   * Found with seeds 15369 and 17165 of {@code -Dsim.runs=10000 -Dsim.firstSeed=10300}, not fixed
   * yet. The gateway REGISTERs topic id 1 for a wildcard subscriber, never gets the REGACK and
   * loses the sensor; after the sensor reconnects, its persistent session's delivery goes out on id
   * 1, which the sensor does not know. The sensor answers PUBACK "invalid topic id" for topic 1, and
   * the network doubles that answer. The first copy makes the gateway register the topic as id 2
   * and resend; the second copy, for topic 1, is matched to the resend by msg id alone and the
   * message is abandoned (acknowledged to the broker): the sensor never gets it. Expected: a refusal
   * whose topic id is not the one the awaited PUBLISH carried is a stale answer and is ignored (and
   * an id is used only once the sensor's REGACK came).
   */
  @Test
  void stalePubackInvalidTopicId_doesNotAbandonTheReregisteredDelivery() {
    passes(scenario(
        ScriptedFaults.none()
            .lose(DOWN, SnMessageType.REGISTER, 1).lose(DOWN, SnMessageType.REGISTER, 2)
            .lose(DOWN, SnMessageType.REGISTER, 3).lose(DOWN, SnMessageType.REGISTER, 4)
            .duplicateLate(UP, SnMessageType.PUBACK, 1, Duration.ofMillis(500))
            .lose(DOWN, SnMessageType.PUBLISH, 3),
        sensor("pub", 1).publishes(20, "home/attic/pub/t", AT_LEAST_ONCE).build(),
        sensor("sub", 2).subscribes("home/attic/+/t", AT_LEAST_ONCE).build()));
  }

  /**
   * A Home Assistant with a persistent session on # switched off for good: its two-message queue
   * keeps the newest and drops the rest, counted; three sensors publishing QoS 1 are never refused
   * and the dashboard gets everything.
   */
  @Test
  void vanishedPersistentSubscriber_costsOnlyItself() {
    SimResult result = passes(scenario(ScriptedFaults.none(), new BrokerConfig(2, 32, 256 * 1024),
        List.of(dashboard(), new Scenario.App("assistant", List.of(new Subscription("#", AT_LEAST_ONCE)),
            Scenario.Pace.VANISHED)),
        publisher("a", 1), publisher("b", 2), publisher("c", 3)));

    assertThat(result.stats().refused()).isZero();
    assertThat(result.stats().dropped()).as("all but the newest two, for the assistant alone").isEqualTo(30 - 2);
    assertThat(result.stats().claims()).as("the dashboard's").isEqualTo(30);
    assertThat(result.stats().expired()).as("the assistant's, and the sensors' once they left").isEqualTo(4);
  }

  /**
   * A logger on # that acknowledges one delivery every 0.3 to 3 s, with a two-message queue: its
   * full queue holds the sensors' PUBACKs back, then it falls behind and loses its oldest, counted;
   * no sensor is refused and the dashboard gets everything.
   */
  @Test
  void slowSubscriber_holdsPublishersBackThenFallsBehind_andCostsOnlyItself() {
    SimResult result = passes(scenario(ScriptedFaults.none(), new BrokerConfig(2, 32, 256 * 1024),
        List.of(dashboard(), new Scenario.App("logger", List.of(new Subscription("#", AT_LEAST_ONCE)),
            Scenario.Pace.SLOW)),
        publisher("a", 1), publisher("b", 2), publisher("c", 3)));

    assertThat(result.stats().refused()).isZero();
    assertThat(result.stats().behind()).isPositive();
    assertThat(result.stats().dropped()).isPositive();
  }

  @Test
  void sameSeed_replaysTheSameRun() {
    assertThat(SimRun.ofSeed(42).report()).isEqualTo(SimRun.ofSeed(42).report());
  }

  private static SimResult passes(Scenario scenario) {
    SimResult result = SimRun.of(SEED, scenario);
    if (!result.passed()) {
      fail(result.report());
    }
    return result;
  }

  private static Scenario scenario(ScriptedFaults faults, SensorPlan... sensors) {
    return scenario(faults, BrokerConfig.defaults(), sensors);
  }

  private static Scenario scenario(ScriptedFaults faults, BrokerConfig broker, SensorPlan... sensors) {
    return scenario(faults, broker, List.of(dashboard()), sensors);
  }

  private static Scenario scenario(
      ScriptedFaults faults, BrokerConfig broker, List<Scenario.App> apps, SensorPlan... sensors) {
    return new Scenario(
        NetworkProfile.perfect(),
        faults,
        MqttSnConfig.defaults().withPredefinedTopics(RandomScenario.PREDEFINED),
        broker,
        List.of(sensors),
        apps,
        List.of(),
        Duration.ofSeconds(60));
  }

  private static Scenario.App dashboard() {
    return new Scenario.App("dashboard", List.of(new Subscription("#", EXACTLY_ONCE)));
  }

  /** A sensor publishing ten QoS 1 readings, one every 0.2 s from 10 s. */
  private static SensorPlan publisher(String name, int host) {
    SensorPlanBuilder sensor = sensor(name, host);
    for (int i = 0; i < 10; i++) {
      sensor.publishes(10 + i * 0.2, "home/hall/" + name + "/t", AT_LEAST_ONCE);
    }
    return sensor.build();
  }
}
