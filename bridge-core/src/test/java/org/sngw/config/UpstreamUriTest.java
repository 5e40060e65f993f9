package org.sngw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamUriTest {
  @Test
  void parse_plainUri_keepsSchemeHostAndPort() {
    UpstreamUri upstream = UpstreamUri.parse("mqtt://broker.example.com:1884");

    assertThat(upstream.uri()).isEqualTo(URI.create("mqtt://broker.example.com:1884"));
    assertThat(upstream.username()).isEmpty();
    assertThat(upstream.password()).isEmpty();
    assertThat(upstream.usesTls()).isFalse();
  }

  @Test
  void parse_userInfo_movesOutOfTheUriDecoded() {
    UpstreamUri upstream = UpstreamUri.parse("mqtts://site%207:p%40ss:word@[::1]:8884/");

    assertThat(upstream.uri()).isEqualTo(URI.create("mqtts://[::1]:8884"));
    assertThat(upstream.username()).contains("site 7");
    assertThat(upstream.password()).contains("p@ss:word");
    assertThat(upstream.usesTls()).isTrue();
  }

  @Test
  void parse_userWithoutPassword_hasOnlyAUsername() {
    UpstreamUri upstream = UpstreamUri.parse("mqtt://sensor@h");

    assertThat(upstream.username()).contains("sensor");
    assertThat(upstream.password()).isEmpty();
    assertThat(upstream.uri().getPort()).isEqualTo(-1);
  }

  @Test
  void parse_upperCaseScheme_isLowered() {
    assertThat(UpstreamUri.parse("MQTTS://h").uri()).isEqualTo(URI.create("mqtts://h"));
    assertThat(UpstreamUri.parse("MQTTS://h").usesTls()).isTrue();
  }

  @Test
  void parse_emptyPassword_isKept() {
    assertThat(UpstreamUri.parse("mqtt://u:@h").password()).isEqualTo(Optional.of(""));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://h:80           | expected mqtt://HOST[:PORT] or mqtts://HOST[:PORT], got 'http://h:80'",
        "broker:1883           | expected mqtt://HOST[:PORT] or mqtts://HOST[:PORT], got 'broker:1883'",
        "h                     | expected mqtt://HOST[:PORT] or mqtts://HOST[:PORT], got 'h'",
        "mqtt:h                | host required, as in mqtt://broker.example.com, got 'mqtt:h'",
        "mqtt://               | invalid URI, got 'mqtt://' (expected authority)",
        "mqtt://h:x            | invalid URI, got 'mqtt://h:x' (illegal character in port number)",
        "mqtt://h:0            | port must be 1..65535, got 'mqtt://h:0'",
        "mqtt://h:65536        | port must be 1..65535, got 'mqtt://h:65536'",
        "mqtt://h/topic        | no path, query or fragment expected, got 'mqtt://h/topic'",
        "mqtt://h?x=1          | no path, query or fragment expected, got 'mqtt://h?x=1'",
        "mqtt://:secret@h      | a password needs a user name before it, got 'mqtt://:***@h'",
        "mqtt://u:secret@h:0   | port must be 1..65535, got 'mqtt://u:***@h:0'",
        "mqtt://u:sec ret@h    | invalid URI, got 'mqtt://u:***@h' (illegal character in authority)",
      })
  void parse_badUri_saysWhatIsWrongWithoutThePassword(String text, String message) {
    assertThatThrownBy(() -> UpstreamUri.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void masked_noUserInfo_isUnchanged() {
    assertThat(UpstreamUri.masked("mqtt://h:1883")).isEqualTo("mqtt://h:1883");
    assertThat(UpstreamUri.masked("mqtt://u@h")).isEqualTo("mqtt://u@h");
  }

  @Test
  void toString_neverShowsThePassword() {
    UpstreamUri upstream = UpstreamUri.parse("mqtt://alice:t0p-secret@h");

    assertThat(upstream.toString()).doesNotContain("t0p-secret").contains("alice");
    assertThat(upstream.withPassword("other").password()).contains("other");
  }
}
