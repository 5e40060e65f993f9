package org.sngw.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentWarningsTest {
  private final RecentWarnings warnings = new RecentWarnings();

  @Test
  void keepsWarningsAndErrors_newestFirst_andNothingElse() {
    warnings.line("2026-12-08T00:12:57.848 [main] INFO Gateway - state: in memory only");
    warnings.line("2026-12-08T00:12:58.001 [sngw-io-1] WARN SnGateway - udp:10.0.0.7:5000 refused");
    warnings.line("\tat org.sngw.Something.run(Something.java:1)");
    warnings.line("[core] ERROR Bridge - upstream cloud: connection refused");

    assertThat(warnings.newestFirst()).containsExactly(
        "[core] ERROR Bridge - upstream cloud: connection refused",
        "2026-12-08T00:12:58.001 [sngw-io-1] WARN SnGateway - udp:10.0.0.7:5000 refused");
  }

  @Test
  void keepsTheNewestFew_eachCutShort() {
    for (int i = 0; i < RecentWarnings.KEPT + 10; i++) {
      warnings.line("[main] WARN X - " + i + " " + "x".repeat(RecentWarnings.MAX_LINE));
    }

    assertThat(warnings.newestFirst()).hasSize(RecentWarnings.KEPT);
    assertThat(warnings.newestFirst().get(0)).startsWith("[main] WARN X - " + (RecentWarnings.KEPT + 9) + " ")
        .hasSize(RecentWarnings.MAX_LINE + 1).endsWith("…");
  }
}
