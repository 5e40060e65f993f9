package org.sngw.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sngw.message.Qos;

class SubscriptionTreeTest {
  private final SubscriptionTree<String> tree = new SubscriptionTree<>();
  private final MatchSet<String> matches = new MatchSet<>();

  @Test
  void match_multiLevelWildcard_matchesParentLevel() {
    tree.subscribe("sport/#", "s", Qos.AT_LEAST_ONCE);

    assertThat(match("sport")).containsOnlyKeys("s");
    assertThat(match("sport/tennis/player1")).containsOnlyKeys("s");
    assertThat(match("sports")).isEmpty();
  }

  @Test
  void match_singleLevelWildcards_matchEmptyLevels() {
    tree.subscribe("+/+", "twoLevels", Qos.AT_MOST_ONCE);
    tree.subscribe("/+", "rootThenOne", Qos.AT_MOST_ONCE);
    tree.subscribe("+", "oneLevel", Qos.AT_MOST_ONCE);

    assertThat(match("/finance")).containsOnlyKeys("twoLevels", "rootThenOne");
    assertThat(match("finance")).containsOnlyKeys("oneLevel");
    assertThat(match("a/")).containsOnlyKeys("twoLevels");
  }

  @Test
  void match_dollarTopic_notMatchedByLeadingWildcard() {
    tree.subscribe("#", "all", Qos.AT_MOST_ONCE);
    tree.subscribe("+/x", "plus", Qos.AT_MOST_ONCE);
    tree.subscribe("$SYS/#", "sys", Qos.AT_MOST_ONCE);
    tree.subscribe("$SYS/+", "sysPlus", Qos.AT_MOST_ONCE);

    assertThat(match("$SYS/x")).containsOnlyKeys("sys", "sysPlus");
    assertThat(match("a/x")).containsOnlyKeys("all", "plus");
  }

  @Test
  void match_severalFiltersOfOneSubscriber_reportsItOnceAtHighestQos() {
    tree.subscribe("a/b", "s", Qos.AT_MOST_ONCE);
    tree.subscribe("a/+", "s", Qos.EXACTLY_ONCE);
    tree.subscribe("#", "s", Qos.AT_LEAST_ONCE);
    tree.subscribe("a/#", "t", Qos.AT_LEAST_ONCE);

    assertThat(match("a/b")).containsOnly(entry("s", Qos.EXACTLY_ONCE), entry("t", Qos.AT_LEAST_ONCE));
  }

  @Test
  void subscribe_sameFilterAgain_replacesQos() {
    assertThat(tree.subscribe("a", "s", Qos.EXACTLY_ONCE)).isNull();
    assertThat(tree.subscribe("a", "s", Qos.AT_MOST_ONCE)).isEqualTo(Qos.EXACTLY_ONCE);

    assertThat(match("a")).containsExactly(entry("s", Qos.AT_MOST_ONCE));
  }

  @Test
  void unsubscribe_lastSubscriber_prunesBranchButKeepsOthers() {
    tree.subscribe("a/b/c", "s", Qos.AT_MOST_ONCE);
    tree.subscribe("a/b/c", "t", Qos.AT_MOST_ONCE);
    tree.subscribe("a/+", "u", Qos.AT_MOST_ONCE);

    assertThat(tree.unsubscribe("a/b/c", "s")).isTrue();
    assertThat(tree.unsubscribe("a/b/c", "s")).isFalse();
    assertThat(match("a/b/c")).containsOnlyKeys("t");
    assertThat(tree.unsubscribe("a/b/c", "t")).isTrue();
    assertThat(tree.unsubscribe("a/+", "u")).isTrue();

    assertThat(match("a/b/c")).isEmpty();
    assertThat(match("a/b")).isEmpty();
    assertThat(tree.unsubscribe("a/b", "s")).isFalse();
    assertThat(tree.unsubscribe("x/#", "s")).isFalse();
  }

  @Test
  void unsubscribe_middleNodeWithChildren_keepsChildSubscriptions() {
    tree.subscribe("a", "s", Qos.AT_MOST_ONCE);
    tree.subscribe("a/b", "s", Qos.AT_MOST_ONCE);
    tree.subscribe("a/#", "t", Qos.AT_MOST_ONCE);

    tree.unsubscribe("a", "s");

    assertThat(match("a/b")).containsOnlyKeys("s", "t");
    assertThat(match("a")).containsOnlyKeys("t");
  }

  @Test
  void match_manyLevelsAndSiblings_findsOnlyTheExactPath() {
    String[] subscribers = new String[100];
    for (int i = 0; i < 100; i++) {
      subscribers[i] = "s" + i;
      tree.subscribe("sensors/" + i + "/temp", subscribers[i], Qos.AT_LEAST_ONCE);
    }
    for (int i = 0; i < 100; i += 2) {
      assertThat(tree.unsubscribe("sensors/" + i + "/temp", subscribers[i])).isTrue();
    }

    assertThat(match("sensors/41/temp")).containsOnlyKeys("s41");
    assertThat(match("sensors/42/temp")).isEmpty();
  }

  private Map<String, Qos> match(String topic) {
    tree.match(topic, matches);
    Map<String, Qos> found = new LinkedHashMap<>();
    for (int i = 0; i < matches.size(); i++) {
      found.put(matches.subscriber(i), matches.qos(i));
    }
    matches.clear();
    return found;
  }
}
