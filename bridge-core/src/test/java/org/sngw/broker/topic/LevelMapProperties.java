package org.sngw.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link LevelMap} against {@link HashMap}; levels like "Aa" and "BB" share a hash code. */
class LevelMapProperties {

  @Property
  void addRemoveGet_randomLevels_behavesLikeHashMap(@ForAll("levelOps") List<String> ops) {
    LevelMap<String> levels = new LevelMap<>();
    Map<String, String> model = new HashMap<>();
    for (String op : ops) {
      String level = op.substring(1);
      if (op.charAt(0) == '+' && !model.containsKey(level)) {
        levels.add(level, "v" + level);
        model.put(level, "v" + level);
      } else if (op.charAt(0) == '-') {
        levels.remove(level);
        model.remove(level);
      }
      String topic = "x/" + level + "/y";
      assertThat(levels.get(topic, 2, 2 + level.length())).isEqualTo(model.get(level));
    }
    for (String level : model.keySet()) {
      assertThat(levels.get(level, 0, level.length())).isEqualTo(model.get(level));
    }
    assertThat(levels.isEmpty()).isEqualTo(model.isEmpty());
  }

  @Provide
  Arbitrary<List<String>> levelOps() {
    Arbitrary<String> level = Arbitraries.strings().withChars("abAB\u00e9").ofMaxLength(3);
    return Arbitraries.of("+", "-").flatMap(sign -> level.map(l -> sign + l)).list().ofMaxSize(60);
  }
}
