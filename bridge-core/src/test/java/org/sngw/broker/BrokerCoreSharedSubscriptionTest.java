package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;
import static org.sngw.broker.BrokerFixture.retained;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/** Shared subscriptions ($share/NAME/FILTER): each message to one member, in turn. */
class BrokerCoreSharedSubscriptionTest {
  private static final String SHARED = "$share/workers/jobs/#";

  private final MapStateStore store = new MapStateStore();
  private final BrokerFixture fixture = new BrokerFixture(BrokerConfig.defaults(), store, new VirtualTime());

  @Test
  void eachMessage_goesToOneMember_inTurn_whileAnOrdinarySubscriberGetsThemAll() {
    RecordingSink a = new RecordingSink();
    RecordingSink b = new RecordingSink();
    RecordingSink c = new RecordingSink();
    RecordingSink all = new RecordingSink();
    for (RecordingSink member : List.of(a, b, c)) {
      ClientHandle handle = fixture.connect("m" + System.identityHashCode(member), true, 10, member);
      assertThat(fixture.subscribe(handle, SHARED, Qos.AT_LEAST_ONCE)).containsExactly(Optional.of(Qos.AT_LEAST_ONCE));
    }
    fixture.subscribe(fixture.connect("everything", true, 10, all), "jobs/#", Qos.AT_LEAST_ONCE);

    for (int i = 0; i < 9; i++) {
      assertThat(fixture.publish(null, message("jobs/" + i, "j" + i, Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);
    }

    List<String> shared = new ArrayList<>();
    for (RecordingSink member : List.of(a, b, c)) {
      List<String> got = texts(member);
      assertThat(got).hasSize(3);
      shared.addAll(got);
    }
    assertThat(shared).containsExactlyInAnyOrder("j0", "j1", "j2", "j3", "j4", "j5", "j6", "j7", "j8");
    assertThat(texts(all)).hasSize(9);
    assertThat(fixture.broker.census().subscriptions()).isEqualTo(4);
  }

  @Test
  void qos_isTheLowerOfTheMessagesAndTheMembers() {
    RecordingSink member = new RecordingSink();
    fixture.subscribe(fixture.connect("low", true, 10, member), SHARED, Qos.AT_MOST_ONCE);

    fixture.publish(null, message("jobs/1", "x", Qos.EXACTLY_ONCE));

    assertThat(member.takeDeliveries()).singleElement()
        .satisfies(delivery -> assertThat(delivery.message().qos()).isEqualTo(Qos.AT_MOST_ONCE));
  }

  @Test
  void connectedMembers_comeBeforeOfflineOnes_andAnOfflineOneKeepsItsShareWhenAlone() {
    RecordingSink online = new RecordingSink();
    ClientHandle away = fixture.connect("away", false, 10, new RecordingSink());
    fixture.subscribe(away, SHARED, Qos.AT_LEAST_ONCE);
    fixture.broker.disconnect(away, true);
    ClientHandle here = fixture.connect("here", true, 10, online);
    fixture.subscribe(here, SHARED, Qos.AT_LEAST_ONCE);

    fixture.publish(null, message("jobs/1", "1", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("jobs/2", "2", Qos.AT_LEAST_ONCE));
    List<Delivery> delivered = online.takeDeliveries();
    assertThat(delivered).extracting(BrokerFixture::text).containsExactly("1", "2");
    delivered.forEach(delivery -> fixture.broker.acknowledged(here, delivery.packetId()));

    fixture.broker.disconnect(here, true);
    fixture.publish(null, message("jobs/3", "3", Qos.AT_LEAST_ONCE));
    RecordingSink back = new RecordingSink();
    fixture.connect("away", false, 10, back);
    assertThat(texts(back)).as("queued for the offline member").containsExactly("3");
  }

  @Test
  void aMemberThatLeaves_handsWhatItHadNotAcknowledgedToAnother() {
    RecordingSink leaving = new RecordingSink();
    RecordingSink staying = new RecordingSink();
    ClientHandle leaver = fixture.connect("leaver", true, 1, leaving);
    fixture.subscribe(leaver, SHARED, Qos.AT_LEAST_ONCE);
    fixture.publish(null, message("jobs/1", "in flight", Qos.AT_LEAST_ONCE));
    fixture.publish(null, message("jobs/2", "queued", Qos.AT_LEAST_ONCE));
    assertThat(texts(leaving)).containsExactly("in flight");
    fixture.subscribe(fixture.connect("stayer", true, 10, staying), SHARED, Qos.AT_LEAST_ONCE);

    fixture.broker.disconnect(leaver, false);

    assertThat(texts(staying)).containsExactly("in flight", "queued");
  }

  @Test
  void retainedMessages_areNotSentToANewSharedSubscription() {
    fixture.publish(null, retained("jobs/old", "kept", Qos.AT_LEAST_ONCE));
    RecordingSink member = new RecordingSink();

    fixture.subscribe(fixture.connect("new", true, 10, member), SHARED, Qos.AT_LEAST_ONCE);

    assertThat(member.take()).isEmpty();
  }

  @Test
  void malformedShares_areRefused_andTheLastMemberLeavingEndsTheGroup() {
    ClientHandle client = fixture.connect("c", true, 10, new RecordingSink());

    assertThat(fixture.subscribe(client, "$share/a+b/x", Qos.AT_LEAST_ONCE)).containsExactly(Optional.empty());
    assertThat(fixture.subscribe(client, "$share//x", Qos.AT_LEAST_ONCE)).containsExactly(Optional.empty());
    assertThat(fixture.subscribe(client, "$share/g", Qos.AT_LEAST_ONCE)).containsExactly(Optional.empty());
    assertThat(fixture.subscribe(client, "$share/g/x/#/y", Qos.AT_LEAST_ONCE)).containsExactly(Optional.empty());

    fixture.subscribe(client, SHARED, Qos.AT_LEAST_ONCE);
    fixture.broker.unsubscribe(client, List.of(SHARED), () -> { });
    assertThat(fixture.broker.census().subscriptions()).isZero();
    assertThat(fixture.publish(null, message("jobs/1", "nobody", Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);
  }

  @Test
  void aPersistentMembersShare_survivesARestart() {
    ClientHandle member = fixture.connect("keeper", false, 10, new RecordingSink());
    fixture.subscribe(member, SHARED, Qos.AT_LEAST_ONCE);
    fixture.broker.disconnect(member, true);

    store.crash();
    fixture.restart();
    fixture.publish(null, message("jobs/1", "after restart", Qos.AT_LEAST_ONCE));
    RecordingSink back = new RecordingSink();
    fixture.connect("keeper", false, 10, back);

    assertThat(texts(back)).containsExactly("after restart");
  }

  private static List<String> texts(RecordingSink sink) {
    return sink.takeDeliveries().stream().map(BrokerFixture::text).toList();
  }
}
