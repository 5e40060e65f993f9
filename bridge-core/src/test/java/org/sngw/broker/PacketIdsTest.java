package org.sngw.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacketIdsTest {
  private final PacketIds ids = new PacketIds();

  @Test
  void allocate_fresh_countsUpFromOne() {
    assertThat(ids.allocate()).isEqualTo(1);
    assertThat(ids.allocate()).isEqualTo(2);
    assertThat(ids.inUse()).isEqualTo(2);
  }

  @Test
  void allocate_afterWrapAround_skipsIdsStillInUse() {
    int first = ids.allocate();
    int second = ids.allocate();
    for (int id = 3; id <= PacketIds.MAX; id++) {
      ids.release(ids.allocate());
    }
    ids.release(first);

    assertThat(ids.allocate()).isEqualTo(first);
    assertThat(ids.allocate()).isEqualTo(3);
    assertThat(second).isEqualTo(2);
  }

  @Test
  void allocate_allButOneInUse_findsTheFreeOne() {
    for (int id = 1; id <= PacketIds.MAX; id++) {
      ids.allocate();
    }
    ids.release(40_000);

    assertThat(ids.allocate()).isEqualTo(40_000);
    assertThat(ids.inUse()).isEqualTo(PacketIds.MAX);
  }
}
