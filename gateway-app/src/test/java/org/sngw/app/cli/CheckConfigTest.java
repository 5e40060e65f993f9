package org.sngw.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-config FILE}: every problem with its key and line, or ok and the settings in effect. */
class CheckConfigTest {
  @TempDir Path dir;

  @Test
  void goodFile_isOk_andShowsTheSettingsInEffect_withSecretsMasked() throws IOException {
    Path file = write("""
        mqtt-sn:
          gateway-id: 4
        bridges:
          - name: cloud
            uri: mqtt://alice:pa55word@127.0.0.1:1883
            topics:
              - pattern: "#"
                local-prefix: ""
        """);

    ParseOutcome.ConfigChecked checked = check(Map.of("SNGW_BROKER_SYS_INTERVAL", "30s"), file);

    assertThat(checked.ok()).isTrue();
    assertThat(checked.text()).startsWith("ok\n")
        .contains("mqtt-sn:\n  gateway-id: 4\n", "  sys-interval: 30s\n", "      username: alice\n",
            "      password: (set)\n", "            pattern: \"#\"\n", "            local-prefix: \"\"\n",
            "  - udp-settings:\n      bind: 0.0.0.0:1884\n")
        .doesNotContain("pa55word");
  }

  @Test
  void badFile_listsEveryProblemWithItsKeyAndLine() throws IOException {
    Path file = write("mqtt-sn:\n  retry-count: 0\nmqttt: 127.0.0.1:1883\n");

    ParseOutcome.ConfigChecked checked = check(Map.of(), file);

    assertThat(checked.ok()).isFalse();
    assertThat(checked.text()).isEqualTo(file + ":\n"
        + "mqtt-sn.retry-count: must be 1..100, was 0 (line 2)\n"
        + "mqttt: unknown key (did you mean mqtt?) (line 3)");
  }

  @Test
  void noFile_isAUsageError_andAMissingOneAProblem() {
    assertThat(GatewayCommand.parse(Map.of(), "check-config")).isEqualTo(
        new ParseOutcome.UsageError("check-config: expected FILE"));
    assertThat(check(Map.of(), dir.resolve("absent.yaml")).text()).contains("cannot read");
  }

  private static ParseOutcome.ConfigChecked check(Map<String, String> environment, Path file) {
    ParseOutcome outcome = GatewayCommand.parse(environment, "check-config", file.toString());
    assertThat(outcome).isInstanceOf(ParseOutcome.ConfigChecked.class);
    return (ParseOutcome.ConfigChecked) outcome;
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("sngw.yaml"), yaml);
  }
}
