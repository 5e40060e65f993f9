package org.sngw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListenAddressTest {
  @Test
  void parse_hostAndPort_splitsThem() {
    assertThat(ListenAddress.parse("0.0.0.0:1884")).isEqualTo(new ListenAddress("0.0.0.0", 1884));
    assertThat(ListenAddress.parse("gateway.local:0"))
        .isEqualTo(new ListenAddress("gateway.local", 0));
  }

  @Test
  void parse_bracketedIpv6_dropsTheBrackets() {
    assertThat(ListenAddress.parse("[::]:1883")).isEqualTo(new ListenAddress("::", 1883));
    assertThat(ListenAddress.parse("[fe80::1%eth0]:65535"))
        .isEqualTo(new ListenAddress("fe80::1%eth0", 65535));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0:1884", "[::1]:1884", "localhost:0"})
  void parse_toString_roundTrips(String text) {
    assertThat(ListenAddress.parse(text)).hasToString(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "abc", "1884", ":1884", "host:", "host:x", "host:-1", "host:123456", "::1:1884",
        "[::1]", "[]:1884", "[host]:1884", "a b:1884", "host:18 84", "[::1:1884"
      })
  void parse_badForm_quotesTheValue(String text) {
    assertThatThrownBy(() -> ListenAddress.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected HOST:PORT or [IPv6]:PORT, got '" + text + "'");
  }

  @Test
  void parse_portAboveRange_saysSo() {
    assertThatThrownBy(() -> ListenAddress.parse("host:65536"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be 0..65535, got 'host:65536'");
  }
}
