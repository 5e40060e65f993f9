package org.sngw.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sngw.broker.Qos.AT_LEAST_ONCE;
import static org.sngw.broker.Qos.EXACTLY_ONCE;
import static org.sngw.sim.Direction.DOWN;
import static org.sngw.sim.Direction.UP;
import static org.sngw.sim.SensorPlanBuilder.sensor;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sngw.broker.Subscription;
import org.sngw.config.BrokerConfig;
import org.sngw.config.MqttSnConfig;
import org.sngw.sn.codec.SnMessageType;

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
   * Found with seed 61: refused for a full queue, the PUBACK lost, the resend was acknowledged
   * without being routed. Here the away subscriber's one-message queue is full at 15 s and has room
   * again when the resend comes at 23 s.
   */
  @Test
  void qos2RefusedForCongestion_resendAfterLostPubackReachesEverySubscriberOnce() {
    SimResult result = passes(scenario(
        ScriptedFaults.none().lose(DOWN, SnMessageType.PUBACK, 2),
        new BrokerConfig(1, 32, 256 * 1024),
        sensor("sub", 2).subscribes("home/hall/+/t", AT_LEAST_ONCE).awayAt(6, 5).build(),
        sensor("pub", 1).publishes(10, "home/hall/pub/t", AT_LEAST_ONCE)
            .publishes(15, "home/hall/pub/t", EXACTLY_ONCE).build()));

    assertThat(result.stats().refused()).as("the resend was accepted").isZero();
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
    return new Scenario(
        NetworkProfile.perfect(),
        faults,
        MqttSnConfig.defaults().withPredefinedTopics(RandomScenario.PREDEFINED),
        broker,
        List.of(sensors),
        List.of(new Scenario.App("dashboard", List.of(new Subscription("#", EXACTLY_ONCE)))),
        List.of(),
        Duration.ofSeconds(60));
  }
}
