package org.sngw.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "/", "a/b", "/finance", "a//b", "a/", "$SYS/x", " ", "ü/日本"})
  void isValidName_plainTopic_isTrue(String name) {
    assertThat(Topics.isValidName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/+", "+", "a/#", "#", "a+b", "a\u0000b"})
  void isValidName_emptyWildcardOrNul_isFalse(String name) {
    assertThat(Topics.isValidName(name)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "#", "+", "a/#", "a/+/b", "+/+", "/+", "+/", "sport/tennis/#", "//", "$SYS/#"})
  void isValidFilter_wildcardsAsWholeLevels_isTrue(String filter) {
    assertThat(Topics.isValidFilter(filter)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a#", "#/a", "a/#/b", "a/b#", "a+", "+a", "a/+b/c", "##", "++", "a\u0000"})
  void isValidFilter_misplacedWildcardEmptyOrNul_isFalse(String filter) {
    assertThat(Topics.isValidFilter(filter)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
      "sport/#, sport, true",
      "sport/#, sport/tennis/player1, true",
      "sport/tennis/#, sport/tennis, true",
      "#, a/b/c, true",
      "+, a, true",
      "+, a/b, false",
      "+/+, /finance, true",
      "/+, /finance, true",
      "+, /finance, false",
      "a/+/c, a//c, true",
      "a/+, a/, true",
      "a/b, a/b, true",
      "a/b, a/bc, false",
      "a/b, a, false",
      "a, a/b, false",
      "sport/+, sport, false",
      "#, $SYS/x, false",
      "+/x, $SYS/x, false",
      "$SYS/#, $SYS/x, true",
      "$SYS/+, $SYS/x, true",
      "a/#, ab, false"
  })
  void matches_filterAndName_followsMqtt311(String filter, String name, boolean expected) {
    assertThat(Topics.matches(filter, name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"a/b, false", "a/+, true", "#, true", "a/b/#, true"})
  void hasWildcard_filter_saysWhetherItHasPlusOrHash(String filter, boolean expected) {
    assertThat(Topics.hasWildcard(filter)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "sensors/#, sensors/+/temp, true",
      "sensors/#, sensors/#, true",
      "sensors/#, sensors, true",
      "sensors/+, sensors/a, true",
      "sensors/+, sensors/+, true",
      "sensors/+, sensors/#, false",
      "sensors/+, sensors/a/b, false",
      "sensors/a, sensors/+, false",
      "sensors/a, sensors/a, true",
      "sensors/a, sensors/b, false",
      "#, a/b, true",
      "#, $SYS/x, false",
      "+/x, $SYS/x, false",
      "$SYS/#, $SYS/broker/x, true",
      "a/+/#, a/#, false",
      "a/b/c, a/b, false"
  })
  void covers_everyNameTheInnerFilterMatches(String outer, String inner, boolean expected) {
    assertThat(Topics.covers(outer, inner)).isEqualTo(expected);
  }
}
