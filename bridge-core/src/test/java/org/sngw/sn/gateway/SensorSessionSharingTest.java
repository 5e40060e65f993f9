package org.sngw.sn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sngw.broker.AccessRules;
import org.sngw.broker.ClientIdentity;
import org.sngw.broker.ClientIdentity.Origin;

class SensorSessionSharingTest {
  private final AccessRules rules = new SensorSessionSharing(AccessRules.DEFAULT, new SensorAllowlist(List.of(
      new SensorAllowlist.Entry("bench-*", Optional.empty(), Set.of("tester")),
      new SensorAllowlist.Entry("*", Optional.empty())), false));

  @Test
  void sensorsSession_passesBetweenTheSensorAndTheUsersItsEntryNames_bothWays() {
    ClientIdentity sensor = sensor("bench-1");
    ClientIdentity tester = mqtt("bench-1", "tester");

    assertThat(rules.mayTakeOver(tester, sensor)).isTrue();
    assertThat(rules.mayTakeOver(sensor, tester)).isTrue();
  }

  @Test
  void anyoneElse_isHeldToTheUsualRule() {
    assertThat(rules.mayTakeOver(mqtt("bench-1", "mallory"), sensor("bench-1"))).as("a user not named").isFalse();
    assertThat(rules.mayTakeOver(new ClientIdentity("bench-1", Optional.empty(), Origin.MQTT), sensor("bench-1")))
        .as("anonymous").isFalse();
    assertThat(rules.mayTakeOver(mqtt("kitchen", "tester"), sensor("kitchen"))).as("another entry's id").isFalse();
    assertThat(rules.mayTakeOver(mqtt("bench-1", "tester"), mqtt("bench-1", "alice"))).as("a user's session").isFalse();
    assertThat(rules.mayTakeOver(sensor("kitchen"), sensor("kitchen"))).as("the sensor itself").isTrue();
  }

  @Test
  void topicRules_areTheWrappedOnes() {
    assertThat(rules.mayPublish(sensor("bench-1"), "$SYS/x")).isFalse();
    assertThat(rules.mayPublish(sensor("bench-1"), "sensors/x")).isTrue();
    assertThat(rules.maySubscribe(sensor("bench-1"), "#")).isTrue();
    assertThat(rules.mayReceive(sensor("bench-1"), "sensors/x")).isTrue();
  }

  private static ClientIdentity sensor(String clientId) {
    return new ClientIdentity(clientId, Optional.empty(), Origin.MQTT_SN);
  }

  private static ClientIdentity mqtt(String clientId, String user) {
    return new ClientIdentity(clientId, Optional.of(user), Origin.MQTT);
  }
}
