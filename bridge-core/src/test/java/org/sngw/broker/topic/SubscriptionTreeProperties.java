package org.sngw.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.property.PropertyCheck.forAll;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sngw.message.Qos;
import org.sngw.property.Draw;
import org.sngw.property.Gen;

/** The tree and {@link Topics#matches} against the plain split-and-compare {@link ReferenceTopics}. */
class SubscriptionTreeProperties {
  private static final Object[] SUBSCRIBERS = {new Object(), new Object(), new Object(), new Object()};
  private static final Gen<Op> OPS = d -> new Op(
      d.between(0, SUBSCRIBERS.length - 1), filter(d), d.of(Qos.class), d.bool());

  record Op(int subscriber, String filter, Qos qos, boolean unsubscribeLater) {}

  record Case(List<Op> ops, List<String> topics) {}

  @Test
  void match_randomSubscriptions_agreesWithReferenceMatcher() {
    forAll(d -> new Case(d.list(0, 30, OPS), d.list(1, 5, SubscriptionTreeProperties::topic)), c -> {
      SubscriptionTree<Object> tree = new SubscriptionTree<>();
      Map<Map.Entry<Integer, String>, Qos> model = new LinkedHashMap<>();
      for (Op op : c.ops()) {
        tree.subscribe(op.filter(), SUBSCRIBERS[op.subscriber()], op.qos());
        model.put(Map.entry(op.subscriber(), op.filter()), op.qos());
      }
      for (Op op : c.ops()) {
        if (op.unsubscribeLater() && model.remove(Map.entry(op.subscriber(), op.filter())) != null) {
          assertThat(tree.unsubscribe(op.filter(), SUBSCRIBERS[op.subscriber()])).isTrue();
        }
      }

      MatchSet<Object> matches = new MatchSet<>();
      for (String topic : c.topics()) {
        Map<Object, Qos> expected = new HashMap<>();
        model.forEach((key, qos) -> {
          if (ReferenceTopics.matches(key.getValue(), topic)) {
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
    });
  }

  @Test
  void matches_randomFilterAndName_agreesWithReferenceMatcher() {
    forAll(d -> List.of(filter(d), topic(d)), pair -> assertThat(Topics.matches(pair.get(0), pair.get(1)))
        .isEqualTo(ReferenceTopics.matches(pair.get(0), pair.get(1))));
  }

  @Test
  void isValidFilter_generatedFilter_isTrue() {
    forAll(SubscriptionTreeProperties::filter, filter -> assertThat(Topics.isValidFilter(filter)).isTrue());
  }

  /** 1 to 4 levels of a, b, empty or $s, small so names and filters often meet; never empty. */
  static String topic(Draw d) {
    String topic = String.join("/", d.list(1, 4, l -> l.of("a", "b", "", "$s")));
    return topic.isEmpty() ? "/" : topic;
  }

  /** Like {@link #topic} with + levels, sometimes ending in /#, or # alone; never empty. */
  static String filter(Draw d) {
    String withoutHash = String.join("/", d.list(1, 4, l -> l.of("a", "b", "", "+", "$s")));
    return switch (d.between(0, 2)) {
      case 0 -> withoutHash.isEmpty() ? "+" : withoutHash;
      case 1 -> withoutHash + "/#";
      default -> "#";
    };
  }
}
