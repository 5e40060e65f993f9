package org.sngw.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sngw.message.Message;
import org.sngw.message.Qos;

class RetainedMessagesTest {
  private final RetainedMessages retained = new RetainedMessages();

  @Test
  void store_sameTopicTwice_keepsTheLatest() {
    retained.store(retained("a/b", "1"));
    retained.store(retained("a/b", "2"));

    assertThat(retained.matching("a/b")).containsExactly(retained("a/b", "2"));
  }

  @Test
  void store_emptyPayload_deletesTheTopic() {
    retained.store(retained("a/b", "1"));
    retained.store(retained("a/b", ""));

    assertThat(retained.matching("a/b")).isEmpty();
    assertThat(retained.matching("#")).isEmpty();
  }

  @Test
  void matching_wildcardFilter_findsEveryMatchingTopicButNoDollarOnes() {
    retained.store(retained("a/b", "1"));
    retained.store(retained("a/c", "2"));
    retained.store(retained("b/c", "3"));
    retained.store(retained("$SYS/x", "4"));

    assertThat(retained.matching("a/+")).containsExactlyInAnyOrder(retained("a/b", "1"), retained("a/c", "2"));
    assertThat(retained.matching("#")).hasSize(3);
    assertThat(retained.matching("$SYS/#")).containsExactly(retained("$SYS/x", "4"));
    assertThat(retained.matching("a")).isEmpty();
  }

  private static Message retained(String topic, String payload) {
    return new Message(topic, payload.getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, true);
  }
}
