package org.sngw.sn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.broker.AccessRules;
import org.sngw.broker.ClientIdentity;
import org.sngw.broker.ClientIdentity.Origin;
import org.sngw.broker.TopicPattern;

class SensorTopicsTest {
  private final SensorTopics own = new SensorTopics(List.of(new TopicPattern("sensors/%c/#"), new TopicPattern("cmd/%c/#")));
  private final ClientIdentity sensor = new ClientIdentity("s1", Optional.empty(), Origin.MQTT_SN);

  @Test
  void sensor_publishesSubscribesAndReceives_underItsOwnTopicsOnly() {
    assertThat(own.mayPublish(sensor, "sensors/s1/temp")).isTrue();
    assertThat(own.mayPublish(sensor, "sensors/s2/temp")).isFalse();
    assertThat(own.mayPublish(sensor, "actuators/valve/set")).isFalse();
    assertThat(own.maySubscribe(sensor, "cmd/s1/+")).isTrue();
    assertThat(own.maySubscribe(sensor, "cmd/#")).as("wider than its own").isFalse();
    assertThat(own.mayReceive(sensor, "cmd/s1/reboot")).isTrue();
    assertThat(own.mayReceive(sensor, "cmd/s2/reboot")).isFalse();
  }

  @Test
  void clientIdWithWildcards_getsNoTopicAtAll() {
    ClientIdentity sly = new ClientIdentity("+", Optional.empty(), Origin.MQTT_SN);

    assertThat(own.mayPublish(sly, "sensors/other/temp")).isFalse();
    assertThat(own.maySubscribe(sly, "cmd/+/#")).isFalse();
  }

  @Test
  void otherClients_areNotItsConcern() {
    ClientIdentity dashboard = new ClientIdentity("dash", Optional.of("alice"), Origin.MQTT);

    assertThat(own.mayPublish(dashboard, "cmd/s1/reboot")).isTrue();
    assertThat(own.maySubscribe(dashboard, "#")).isTrue();
  }

  @Test
  void anyTopic_stillKeepsSensorsOffTheGatewaysDollarTopics_whenCombinedWithTheDefault() {
    AccessRules rules = AccessRules.allOf(AccessRules.DEFAULT, new SensorTopics(SensorTopics.ANY));

    assertThat(rules.mayPublish(sensor, "anything/at/all")).isTrue();
    assertThat(rules.mayPublish(sensor, "$SYS/broker/store/state")).isFalse();
    assertThat(AccessRules.allOf(AccessRules.DEFAULT, own).mayPublish(sensor, "sensors/s1/x")).isTrue();
    assertThat(AccessRules.allOf(AccessRules.DEFAULT, own).mayPublish(sensor, "elsewhere")).isFalse();
  }
}
