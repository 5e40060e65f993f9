package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicAliasesTest {
  @Test
  void fromClient_anAliasSetWithItsTopic_standsForItAfterwards_untilSetAgain() throws Exception {
    TopicAliases aliases = new TopicAliases(0);

    assertThat(aliases.fromClient("sensors/kitchen/t", 3)).isEqualTo("sensors/kitchen/t");
    assertThat(aliases.fromClient("", 3)).isEqualTo("sensors/kitchen/t");
    assertThat(aliases.fromClient("sensors/hall/t", 3)).isEqualTo("sensors/hall/t");
    assertThat(aliases.fromClient("", 3)).isEqualTo("sensors/hall/t");
    assertThat(aliases.fromClient("plain", 0)).isEqualTo("plain");
  }

  @Test
  void fromClient_unsetOrOutOfRange_isRefused() {
    TopicAliases aliases = new TopicAliases(0);

    assertThatThrownBy(() -> aliases.fromClient("", 1)).isInstanceOf(TopicAliases.InvalidAlias.class)
        .hasMessage("topic alias 1 was never set");
    assertThatThrownBy(() -> aliases.fromClient("t", TopicAliases.FROM_CLIENT + 1))
        .isInstanceOf(TopicAliases.InvalidAlias.class);
    assertThatThrownBy(() -> aliases.fromClient("t", -1)).isInstanceOf(TopicAliases.InvalidAlias.class);
  }

  @Test
  void toClient_givesTheFirstTopicsAnAlias_sentWithTheTopicOnce_thenAlone() {
    TopicAliases aliases = new TopicAliases(2);

    assertThat(aliases.toClient("a")).isEqualTo(new TopicAliases.Outgoing("a", 1));
    assertThat(aliases.toClient("a")).isEqualTo(new TopicAliases.Outgoing("", 1));
    assertThat(aliases.toClient("b")).isEqualTo(new TopicAliases.Outgoing("b", 2));
    assertThat(aliases.toClient("c")).as("the client takes two").isEqualTo(new TopicAliases.Outgoing("c", 0));
    assertThat(aliases.toClient("b")).isEqualTo(new TopicAliases.Outgoing("", 2));
  }

  @Test
  void toClient_aClientWithoutAliases_getsTopicsOnly() {
    TopicAliases aliases = new TopicAliases(0);

    assertThat(aliases.toClient("a")).isEqualTo(new TopicAliases.Outgoing("a", 0));
    assertThat(aliases.toClient("a")).isEqualTo(new TopicAliases.Outgoing("a", 0));
  }
}
