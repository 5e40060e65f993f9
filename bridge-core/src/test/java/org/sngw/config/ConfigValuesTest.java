package org.sngw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigValuesTest {
  @Test
  void duration_eachUnit_parses() {
    assertThat(ConfigValues.duration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(ConfigValues.duration("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(ConfigValues.duration("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(ConfigValues.duration("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(ConfigValues.duration("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(ConfigValues.duration("0s")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10", "s", "1.5s", "-1s", "10 s", "10S", "1w", "1234567890s"})
  void duration_badForm_quotesTheValue(String text) {
    assertThatThrownBy(() -> ConfigValues.duration(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a duration like 500ms, 10s, 5m, 1h or 7d, got '" + text + "'");
  }

  @Test
  void advertiseInterval_wholeSeconds_parses() {
    assertThat(ConfigValues.advertiseInterval("1s")).contains(Duration.ofSeconds(1));
    assertThat(ConfigValues.advertiseInterval("15m")).contains(Duration.ofMinutes(15));
    assertThat(ConfigValues.advertiseInterval("65535s")).contains(Duration.ofSeconds(65535));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0s", "0ms", "0h"})
  void advertiseInterval_zero_isOff(String text) {
    assertThat(ConfigValues.advertiseInterval(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"500ms", "1500ms", "65536s", "19h"})
  void advertiseInterval_notWholeSecondsOrTooLong_isRejected(String text) {
    assertThatThrownBy(() -> ConfigValues.advertiseInterval(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("must be whole seconds up to 65535s, or 0 for off, was " + text);
  }

  @Test
  void advertiseInterval_badForm_saysWhatADurationLooksLike() {
    assertThatThrownBy(() -> ConfigValues.advertiseInterval("60"))
        .hasMessage("expected a duration like 500ms, 10s, 5m, 1h or 7d, got '60'");
  }

  @Test
  void gatewayId_outsideOneByte_isRejected() {
    assertThat(ConfigValues.gatewayId("1")).isEqualTo(1);
    assertThat(ConfigValues.gatewayId("255")).isEqualTo(255);
    assertThatThrownBy(() -> ConfigValues.gatewayId("0")).hasMessage("must be 1..255, was 0");
    assertThatThrownBy(() -> ConfigValues.gatewayId("256")).hasMessage("must be 1..255, was 256");
    assertThatThrownBy(() -> ConfigValues.gatewayId("two")).hasMessage("expected an integer, got 'two'");
  }

  @Test
  void destination_portZero_isRejected() {
    assertThat(ConfigValues.destination("127.0.0.1:1884")).isEqualTo(new ListenAddress("127.0.0.1", 1884));
    assertThatThrownBy(() -> ConfigValues.destination("127.0.0.1:0"))
        .hasMessage("port must be 1..65535 to send to, got '127.0.0.1:0'");
    assertThatThrownBy(() -> ConfigValues.destination("nowhere"))
        .hasMessage("expected HOST:PORT or [IPv6]:PORT, got 'nowhere'");
  }

  @Test
  void path_blank_isRejected() {
    assertThat(ConfigValues.path("./data")).isEqualTo(Path.of("./data"));
    assertThatThrownBy(() -> ConfigValues.path(" ")).hasMessage("must not be empty");
    assertThatThrownBy(() -> ConfigValues.path("a\0b")).hasMessageStartingWith("invalid path '");
  }

  @Test
  void topicId_reservedAndOutOfRange_areRejected() {
    assertThat(ConfigValues.topicId("1")).isEqualTo(1);
    assertThat(ConfigValues.topicId("65534")).isEqualTo(65534);
    assertThatThrownBy(() -> ConfigValues.topicId("0"))
        .hasMessage("topic id must be 1..65534, was 0");
    assertThatThrownBy(() -> ConfigValues.topicId("65535"))
        .hasMessage("topic id must be 1..65534, was 65535");
    assertThatThrownBy(() -> ConfigValues.topicId("99999999999999999999"))
        .hasMessage("topic id must be 1..65534, was 99999999999999999999");
    assertThatThrownBy(() -> ConfigValues.topicId("-1"))
        .hasMessage("topic id must be a number, got '-1'");
  }

  @Test
  void topicName_emptyOrWildcard_isRejected() {
    assertThat(ConfigValues.topicName("a/b")).isEqualTo("a/b");
    assertThatThrownBy(() -> ConfigValues.topicName("")).hasMessage("topic name is empty");
    assertThatThrownBy(() -> ConfigValues.topicName("a/#"))
        .hasMessage("topic name must not contain wildcards + or #, got 'a/#'");
  }

  @Test
  void bool_onlyTrueOrFalse_isAccepted() {
    assertThat(ConfigValues.bool("true")).isTrue();
    assertThat(ConfigValues.bool("false")).isFalse();
    assertThatThrownBy(() -> ConfigValues.bool("yes")).hasMessage("expected true or false, got 'yes'");
  }

  @Test
  void boundBytesUnderAKibibyte_andZeroDuration_areRejected() {
    assertThat(ConfigValues.boundBytes("1KiB")).isEqualTo(1024);
    assertThat(ConfigValues.positiveDuration("1s")).isEqualTo(Duration.ofSeconds(1));
    assertThatThrownBy(() -> ConfigValues.boundBytes("0MiB"))
        .hasMessage("must be at least 1KiB to hold a message, was 0MiB");
    assertThatThrownBy(() -> ConfigValues.boundBytes("64"))
        .as("not even a message's bookkeeping").hasMessage("must be at least 1KiB to hold a message, was 64");
    assertThatThrownBy(() -> ConfigValues.positiveDuration("0ms")).hasMessage("must be positive, was 0ms");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cloud", "site_7", "a-B-9"})
  void bridgeName_lettersDigitsDashUnderscore_isAccepted(String name) {
    assertThat(ConfigValues.bridgeName(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a/b", "a+", "caf\u00e9"})
  void bridgeName_otherCharacters_areRejected(String name) {
    assertThatThrownBy(() -> ConfigValues.bridgeName(name))
        .hasMessage("expected letters, digits, _ and - only, got '" + name + "'");
  }

  @Test
  void readableFile_missingOrDirectory_cannotBeRead(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("ca.pem"), "x");
    Path missing = dir.resolve("missing.pem");

    assertThat(ConfigValues.readableFile(file.toString())).isEqualTo(file);
    assertThatThrownBy(() -> ConfigValues.readableFile(missing.toString()))
        .hasMessage("cannot read '" + missing + "': file not found");
    assertThatThrownBy(() -> ConfigValues.readableFile(dir.toString()))
        .hasMessage("cannot read '" + dir + "': it is a directory");
  }
}
