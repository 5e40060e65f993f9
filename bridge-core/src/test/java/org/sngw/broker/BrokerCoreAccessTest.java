package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.broker.BrokerFixture.message;
import static org.sngw.broker.BrokerFixture.retained;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.sngw.broker.ClientIdentity.Origin;
import org.sngw.message.Qos;
import org.sngw.store.MapStateStore;
import org.sngw.time.VirtualTime;

/** The broker holds every client but its own outboxes to the topic access rules. */
class BrokerCoreAccessTest {
  /** Clients may write under data/THEIR-ID/, subscribe to anything but private/ and read anything not ending in /private. */
  private static final AccessRules RULES = new AccessRules() {
    @Override
    public boolean mayPublish(ClientIdentity client, String topic) {
      return topic.startsWith("data/" + client.clientId() + "/");
    }

    @Override
    public boolean maySubscribe(ClientIdentity client, String filter) {
      return !filter.startsWith("private/");
    }

    @Override
    public boolean mayReceive(ClientIdentity client, String topic) {
      return !topic.endsWith("/private");
    }
  };

  private final VirtualTime time = new VirtualTime();
  private final BrokerFixture fixture = new BrokerFixture(RULES, time);

  @Test
  void publish_outsideTheRules_isDeniedAndReachesNobody() {
    RecordingSink sink = new RecordingSink();
    ClientHandle reader = fixture.connect("reader", true, 8, sink);
    fixture.subscribe(reader, "#", Qos.AT_LEAST_ONCE);
    ClientHandle writer = fixture.connect("w", true, 8, new RecordingSink());

    assertThat(fixture.publish(writer, message("data/w/temp", "20", Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);
    assertThat(fixture.publish(writer, message("data/other/temp", "99", Qos.AT_LEAST_ONCE)))
        .isEqualTo(PublishOutcome.DENIED);
    assertThat(fixture.publish(writer, retained("actuators/valve/set", "OPEN", Qos.AT_LEAST_ONCE)))
        .isEqualTo(PublishOutcome.DENIED);

    assertThat(sink.takeDeliveries()).extracting(d -> d.message().topic()).containsExactly("data/w/temp");
    RecordingSink late = new RecordingSink();
    fixture.subscribe(fixture.connect("late", true, 8, late), "actuators/#", Qos.AT_LEAST_ONCE);
    assertThat(late.takeDeliveries()).as("nothing was retained").isEmpty();
  }

  @Test
  void publishExactlyOnce_outsideTheRules_isDenied() {
    ClientHandle writer = fixture.connect("w", true, 8, new RecordingSink());
    List<PublishOutcome> outcomes = new ArrayList<>();

    fixture.broker.publishExactlyOnce(writer, 1, message("elsewhere", "x", Qos.EXACTLY_ONCE), outcomes::add);

    assertThat(outcomes).containsExactly(PublishOutcome.DENIED);
  }

  @Test
  void subscribe_toADeniedFilter_isNotGranted() {
    ClientHandle client = fixture.connect("c", true, 8, new RecordingSink());

    assertThat(fixture.subscribe(client, List.of(new Subscription("private/#", Qos.AT_LEAST_ONCE),
        new Subscription("public/#", Qos.AT_LEAST_ONCE))))
        .containsExactly(Optional.empty(), Optional.of(Qos.AT_LEAST_ONCE));
  }

  @Test
  void wildcardSubscription_getsOnlyWhatItsClientMayRead_liveAndRetained() {
    ClientHandle writer = fixture.connect("w", true, 8, new RecordingSink());
    fixture.publish(writer, retained("data/w/private", "secret", Qos.AT_LEAST_ONCE));
    fixture.publish(writer, retained("data/w/open", "hello", Qos.AT_LEAST_ONCE));
    RecordingSink sink = new RecordingSink();
    ClientHandle reader = fixture.connect("reader", true, 8, sink);

    fixture.subscribe(reader, "data/#", Qos.AT_LEAST_ONCE);
    fixture.publish(writer, message("data/w/private", "secret2", Qos.AT_LEAST_ONCE));
    fixture.publish(writer, message("data/w/open", "hello2", Qos.AT_LEAST_ONCE));

    assertThat(sink.takeDeliveries()).extracting(BrokerFixture::text).containsExactly("hello", "hello2");
  }

  @Test
  void will_thatItsClientMayNotPublish_isDropped() {
    RecordingSink sink = new RecordingSink();
    fixture.subscribe(fixture.connect("reader", true, 8, sink), "#", Qos.AT_LEAST_ONCE);
    ClientHandle allowed = fixture.connectWithWill("a", message("data/a/status", "gone", Qos.AT_LEAST_ONCE),
        new RecordingSink());
    ClientHandle denied = fixture.connectWithWill("d", message("alarm/siren", "on", Qos.AT_LEAST_ONCE),
        new RecordingSink());

    fixture.broker.disconnect(allowed, false);
    fixture.broker.disconnect(denied, false);

    assertThat(sink.takeDeliveries()).extracting(d -> d.message().topic()).containsExactly("data/a/status");
  }

  @Test
  void outboxSession_isNotHeldToTheRules() {
    SessionOptions outbox = new SessionOptions(true, true, true, true, OptionalInt.empty(),
        OptionalLong.empty());
    RecordingSink sink = new RecordingSink();
    ClientHandle bridge = fixture.connect("$bridge/cloud", false, 8, outbox, sink);

    assertThat(fixture.subscribe(bridge, "private/#", Qos.AT_LEAST_ONCE)).containsExactly(Optional.of(Qos.AT_LEAST_ONCE));
    assertThat(fixture.publish(bridge, message("cmd/s7", "reboot", Qos.AT_LEAST_ONCE))).isEqualTo(PublishOutcome.ACCEPTED);
  }

  @Test
  void defaultAccess_refusesPublishingToDollarTopicsOnly() {
    ClientIdentity anyone = new ClientIdentity("x", Optional.empty(), Origin.MQTT_SN);

    assertThat(AccessRules.DEFAULT.mayPublish(anyone, "$SYS/broker/bridge/cloud/state")).isFalse();
    assertThat(AccessRules.DEFAULT.mayPublish(anyone, "sensors/a")).isTrue();
    assertThat(AccessRules.DEFAULT.mayReceive(anyone, "$SYS/broker/store/state")).isTrue();
    assertThat(AccessRules.DEFAULT.maySubscribe(anyone, "$SYS/#")).isTrue();
  }

  @Test
  void mayConnect_onlyTheSameUserThroughTheSameKindOfListener_takesASessionOver() {
    ConnectRequest sensor = ConnectRequest.sensor("s1", false, Optional.empty(), Duration.ofSeconds(60), 1);
    assertThat(fixture.broker.mayConnect(sensor)).as("no session yet").isTrue();
    fixture.broker.connect(sensor, new RecordingSink());

    assertThat(fixture.broker.mayConnect(sensor)).as("the sensor again").isTrue();
    assertThat(fixture.broker.mayConnect(mqtt("s1", Optional.empty()))).as("a TCP client with its id").isFalse();
    assertThat(fixture.broker.mayConnect(mqtt("s1", Optional.of("alice")))).isFalse();

    fixture.broker.connect(mqtt("dash", Optional.of("alice")), new RecordingSink());
    assertThat(fixture.broker.mayConnect(mqtt("dash", Optional.of("alice")))).isTrue();
    assertThat(fixture.broker.mayConnect(mqtt("dash", Optional.of("bob")))).isFalse();
    assertThat(fixture.broker.mayConnect(mqtt("dash", Optional.empty()))).isFalse();
  }

  @Test
  void mayConnect_persistentSessionOffline_staysItsHolders() {
    ClientHandle held = fixture.broker.connect(mqtt("dash", Optional.of("alice")), new RecordingSink());
    fixture.broker.disconnect(held, true);

    assertThat(fixture.broker.mayConnect(mqtt("dash", Optional.of("mallory")))).isFalse();
    assertThat(fixture.broker.mayConnect(mqtt("dash", Optional.of("alice")))).isTrue();
  }

  @Test
  void mayConnect_afterARestart_theSessionIsStillItsHolders() {
    BrokerFixture stored = new BrokerFixture(RULES, new MapStateStore(), time);
    stored.broker.disconnect(stored.broker.connect(mqtt("dash", Optional.of("alice")), new RecordingSink()), true);
    stored.broker.disconnect(
        stored.broker.connect(ConnectRequest.sensor("s1", false, Optional.empty(), Duration.ofSeconds(60), 1),
            new RecordingSink()),
        true);

    stored.restart();

    assertThat(stored.broker.mayConnect(mqtt("dash", Optional.of("mallory")))).isFalse();
    assertThat(stored.broker.mayConnect(mqtt("dash", Optional.empty()))).isFalse();
    assertThat(stored.broker.mayConnect(mqtt("s1", Optional.empty()))).as("a TCP client with a sensor's id").isFalse();
    assertThat(stored.broker.mayConnect(mqtt("dash", Optional.of("alice")))).isTrue();
  }

  @Test
  void offlineSubscriber_afterARestart_isGivenWhatItsUserMayRead() {
    AccessRules usersOnly = new AccessRules() {
      @Override
      public boolean mayPublish(ClientIdentity client, String topic) {
        return true;
      }

      @Override
      public boolean maySubscribe(ClientIdentity client, String filter) {
        return true;
      }

      @Override
      public boolean mayReceive(ClientIdentity client, String topic) {
        return client.username().isPresent();
      }
    };
    BrokerFixture stored = new BrokerFixture(usersOnly, new MapStateStore(), time);
    ClientHandle alice = stored.broker.connect(mqtt("dash", Optional.of("alice")), new RecordingSink());
    stored.subscribe(alice, "#", Qos.AT_LEAST_ONCE);
    stored.broker.disconnect(alice, true);

    stored.restart();
    stored.publish(stored.connect("w", true, 8, new RecordingSink()), message("t", "after", Qos.AT_LEAST_ONCE));
    RecordingSink back = new RecordingSink();
    stored.broker.connect(mqtt("dash", Optional.of("alice")), back);

    assertThat(back.takeDeliveries()).extracting(d -> d.message().topic()).containsExactly("t");
  }

  private static ConnectRequest mqtt(String clientId, Optional<String> username) {
    return new ConnectRequest(clientId, false, Optional.empty(), Duration.ZERO, 8, SessionOptions.ORDINARY, username,
        Origin.MQTT);
  }
}
