package org.sngw.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.property.PropertyCheck.forAll;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sngw.property.Draw;

/** {@link LevelMap} against {@link HashMap}; levels like "Aa" and "BB" share a hash code. */
class LevelMapProperties {
  private static final char[] LEVEL_CHARS = {'a', 'b', 'A', 'B', '\u00e9'};

  @Test
  void addRemoveGet_randomLevels_behavesLikeHashMap() {
    forAll(d -> d.list(0, 60, LevelMapProperties::levelOp), ops -> {
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
    });
  }

  /** "+" or "-" and a level of up to 3 chars. */
  private static String levelOp(Draw d) {
    StringBuilder op = new StringBuilder(d.of("+", "-"));
    int length = d.between(0, 3);
    for (int i = 0; i < length; i++) {
      op.append(LEVEL_CHARS[d.between(0, LEVEL_CHARS.length - 1)]);
    }
    return op.toString();
  }
}
