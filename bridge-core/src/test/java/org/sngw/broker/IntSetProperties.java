package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** {@link IntSet} against {@link HashSet}: positive values add, negative ones remove. */
class IntSetProperties {

  @Property
  void addRemove_randomIds_behavesLikeHashSet(@ForAll @Size(max = 200) List<@IntRange(min = -64, max = 64) Integer> ops) {
    IntSet ids = new IntSet();
    Set<Integer> model = new HashSet<>();
    for (int op : ops) {
      if (op > 0) {
        assertThat(ids.add(op)).isEqualTo(model.add(op));
      } else if (op < 0) {
        assertThat(ids.remove(-op)).isEqualTo(model.remove(-op));
      }
      assertThat(ids.size()).isEqualTo(model.size());
    }
    for (int id = 1; id <= 64; id++) {
      assertThat(ids.contains(id)).isEqualTo(model.contains(id));
    }
  }
}
