package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.property.PropertyCheck.forAll;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sngw.property.Gen;

/** {@link IntSet} against {@link HashSet}: positive values add, negative ones remove. */
class IntSetProperties {

  @Test
  void addRemove_randomIds_behavesLikeHashSet() {
    forAll(Gen.between(-64, 64).list(0, 200), ops -> {
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
    });
  }
}
