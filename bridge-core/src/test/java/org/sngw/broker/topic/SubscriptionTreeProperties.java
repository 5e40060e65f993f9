package org.sngw.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.sngw.broker.Qos;

/** The tree and {@link Topics#matches} against a plain split-and-compare reference matcher. */
class SubscriptionTreeProperties {
  private static final Object[] SUBSCRIBERS = {new Object(), new Object(), new Object(), new Object()};

  record Op(int subscriber, String filter, Qos qos, boolean unsubscribeLater) {}

  @Property
  void match_randomSubscriptions_agreesWithReferenceMatcher(
      @ForAll("ops") @Size(max = 30) List<Op> ops, @ForAll("topics") @Size(min = 1, max = 5) List<String> topics) {
    SubscriptionTree<Object> tree = new SubscriptionTree<>();
    Map<Map.Entry<Integer, String>, Qos> model = new LinkedHashMap<>();
    for (Op op : ops) {
      tree.subscribe(op.filter(), SUBSCRIBERS[op.subscriber()], op.qos());
      model.put(Map.entry(op.subscriber(), op.filter()), op.qos());
    }
    for (Op op : ops) {
      if (op.unsubscribeLater() && model.remove(Map.entry(op.subscriber(), op.filter())) != null) {
        assertThat(tree.unsubscribe(op.filter(), SUBSCRIBERS[op.subscriber()])).isTrue();
      }
    }

    MatchSet<Object> matches = new MatchSet<>();
    for (String topic : topics) {
      Map<Object, Qos> expected = new HashMap<>();
      model.forEach((key, qos) -> {
        if (referenceMatches(key.getValue(), topic)) {
          expected.merge(SUBSCRIBERS[key.getKey()], qos, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
      });
      tree.match(topic, matches);
      Map<Object, Qos> actual = new HashMap<>();
      for (int i = 0; i < matches.size(); i++) {
        assertThat(actual.put(matches.subscriber(i), matches.qos(i))).as("reported once").isNull();
      }
      matches.clear();
      assertThat(actual).as(topic).isEqualTo(expected);
    }
  }

  @Property
  void matches_randomFilterAndName_agreesWithReferenceMatcher(
      @ForAll("filters") String filter, @ForAll("topics") @Size(1) List<String> names) {
    String name = names.get(0);
    assertThat(Topics.matches(filter, name)).isEqualTo(referenceMatches(filter, name));
  }

  @Property
  void isValidFilter_generatedFilter_isTrue(@ForAll("filters") String filter) {
    assertThat(Topics.isValidFilter(filter)).isTrue();
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    return Combinators.combine(
            Arbitraries.integers().between(0, SUBSCRIBERS.length - 1),
            filters(),
            Arbitraries.of(Qos.class),
            Arbitraries.of(true, false))
        .as(Op::new)
        .list();
  }

  @Provide
  Arbitrary<List<String>> topics() {
    return Arbitraries.of("a", "b", "", "$s")
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(levels -> String.join("/", levels))
        .filter(Topics::isValidName)
        .list();
  }

  @Provide
  Arbitrary<String> filters() {
    Arbitrary<String> withoutHash = Arbitraries.of("a", "b", "", "+", "$s")
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(levels -> String.join("/", levels))
        .filter(filter -> !filter.isEmpty());
    return Arbitraries.oneOf(withoutHash, withoutHash.map(filter -> filter + "/#"), Arbitraries.just("#"));
  }

  static boolean referenceMatches(String filter, String name) {
    String[] filterLevels = filter.split("/", -1);
    String[] nameLevels = name.split("/", -1);
    if (name.startsWith("$") && (filterLevels[0].equals("+") || filterLevels[0].equals("#"))) {
      return false;
    }
    return matchFrom(filterLevels, 0, nameLevels, 0);
  }

  private static boolean matchFrom(String[] filter, int f, String[] name, int n) {
    if (f == filter.length) {
      return n == name.length;
    }
    if (filter[f].equals("#")) {
      return true;
    }
    if (n == name.length) {
      return false;
    }
    return (filter[f].equals("+") || filter[f].equals(name[n])) && matchFrom(filter, f + 1, name, n + 1);
  }
}
