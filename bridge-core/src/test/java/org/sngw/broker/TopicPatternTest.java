package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.broker.ClientIdentity.Origin;

class TopicPatternTest {
  @Test
  void filterFor_fillsInTheClientIdAndUsername() {
    TopicPattern pattern = new TopicPattern("home/%u/%c/#");

    assertThat(pattern.filterFor(new ClientIdentity("phone", Optional.of("alice"), Origin.MQTT)))
        .contains("home/alice/phone/#");
  }

  @Test
  void filterFor_namesNoOne_whenTheUsernameIsMissingOrANameWouldWidenIt() {
    TopicPattern pattern = new TopicPattern("home/%u/#");

    assertThat(pattern.filterFor(new ClientIdentity("c", Optional.empty(), Origin.MQTT_SN))).isEmpty();
    assertThat(pattern.filterFor(new ClientIdentity("c", Optional.of("a/b"), Origin.MQTT))).isEmpty();
    assertThat(new TopicPattern("s/%c").filterFor(new ClientIdentity("#", Optional.empty(), Origin.MQTT_SN))).isEmpty();
    assertThat(new TopicPattern("s/%c").filterFor(new ClientIdentity("x+", Optional.empty(), Origin.MQTT_SN)))
        .isEmpty();
  }

  @Test
  void invalidFilter_isRefused() {
    assertThatThrownBy(() -> new TopicPattern("a/#/b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a/#/b");
  }
}
