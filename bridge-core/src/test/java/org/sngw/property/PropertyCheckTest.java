package org.sngw.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PropertyCheckTest {

  @Test
  void forAll_holdingProperty_triesTheGivenNumberOfDistinctValues() {
    List<List<Integer>> seen = new ArrayList<>();

    PropertyCheck.forAll(300, Gen.between(0, 1_000_000).list(1, 5), seen::add);

    assertThat(seen).hasSize(300);
    assertThat(new HashSet<>(seen)).hasSizeGreaterThan(250);
  }

  @Test
  void forAll_failingProperty_reportsTheSeedAndTheSimplestFailingValue() {
    assertThatThrownBy(() -> PropertyCheck.forAll(
            Gen.between(0, 1000).list(0, 20),
            values -> assertThat(values).allMatch(v -> v < 100)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("-Dsngw.seed=")
        .hasMessageContaining("simplest failing value")
        .hasMessageContaining(": [100]")
        .hasCauseInstanceOf(AssertionError.class);
  }

  @Test
  void forAll_failingPropertyOnBytes_shrinksToTheShortestArrayAndSmallestByte() {
    assertThatThrownBy(() -> PropertyCheck.forAll(
            Gen.bytes(0, 50), bytes -> assertThat(bytes.length < 3 || bytes[2] == 0).isTrue()))
        .hasMessageContaining(": 0x000001\n");
  }

  @Test
  void forAll_failureInALongArray_shrinksToTheOneByteThatMatters() {
    assertThatThrownBy(() -> PropertyCheck.forAll(
            Gen.bytes(0, 3000), bytes -> assertThat(bytes).doesNotContain((byte) 0x7F)))
        .hasMessageContaining(": 0x7f\n");
  }

  @Test
  void forAll_sameSeed_makesTheSameValues() {
    List<Integer> first = new ArrayList<>();
    List<Integer> second = new ArrayList<>();
    String previous = System.getProperty("sngw.seed");
    System.setProperty("sngw.seed", "42");
    try {
      PropertyCheck.forAll(50, Gen.between(0, 1 << 30), first::add);
      PropertyCheck.forAll(50, Gen.between(0, 1 << 30), second::add);
    } finally {
      if (previous == null) {
        System.clearProperty("sngw.seed");
      } else {
        System.setProperty("sngw.seed", previous);
      }
    }
    assertThat(second).isEqualTo(first);
  }

  @Test
  void between_edgesOfTheRange_comeUpOften() {
    Set<Integer> seen = new HashSet<>();

    PropertyCheck.forAll(200, Gen.between(-1_000_000, 1_000_000), seen::add);

    assertThat(seen).contains(-1_000_000, 1_000_000);
  }

  @Test
  void weighted_choosesInProportion() {
    int[] counts = new int[2];

    PropertyCheck.forAll(2000, draw -> draw.weighted(1, 3), i -> counts[i]++);

    assertThat(counts[1]).isBetween(3 * counts[0] - 400, 3 * counts[0] + 400);
  }
}
