package org.sngw.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sngw.message.Qos;

class MatchSetTest {
  private final MatchSet<Object> matches = new MatchSet<>();

  @Test
  void accept_sameSubscriberTwice_keepsOneEntryAtHighestQos() {
    Object subscriber = new Object();

    matches.accept(subscriber, Qos.AT_LEAST_ONCE);
    matches.accept(subscriber, Qos.EXACTLY_ONCE);
    matches.accept(subscriber, Qos.AT_MOST_ONCE);

    assertThat(matches.size()).isEqualTo(1);
    assertThat(matches.subscriber(0)).isSameAs(subscriber);
    assertThat(matches.qos(0)).isEqualTo(Qos.EXACTLY_ONCE);
  }

  @Test
  void accept_manySubscribersAcrossRounds_keepsEachOnceInOrder() {
    List<Object> subscribers = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      subscribers.add(new Object());
    }
    for (int round = 0; round < 3; round++) {
      for (Object subscriber : subscribers) {
        matches.accept(subscriber, Qos.AT_MOST_ONCE);
        matches.accept(subscriber, Qos.AT_LEAST_ONCE);
      }

      assertThat(matches.size()).isEqualTo(1000);
      for (int i = 0; i < 1000; i++) {
        assertThat(matches.subscriber(i)).isSameAs(subscribers.get(i));
        assertThat(matches.qos(i)).isEqualTo(Qos.AT_LEAST_ONCE);
      }
      matches.clear();
      assertThat(matches.size()).isZero();
    }
  }

  @Test
  void clear_equalButDistinctSubscribers_areToldApartByIdentity() {
    String first = new String("s");
    String second = new String("s");

    matches.accept(first, Qos.AT_MOST_ONCE);
    matches.accept(second, Qos.AT_MOST_ONCE);

    assertThat(matches.size()).isEqualTo(2);
  }
}
