package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher the build puts beside the jar, as a user (and later the package's unit) runs it. */
class LauncherIT {
  @TempDir Path dir;

  @Test
  void launcher_runsTheGatewayWithTheShippedJvmOptionsAndItsClassArchive() throws IOException {
    Path archive = dir.resolve("gateway.jsa");
    try (GatewayProcess gateway = GatewayProcess.launchScript(Map.of("SNGW_CDS_ARCHIVE", archive.toString()),
        "--udp", "127.0.0.1:" + GatewayProcess.freeUdpPort(),
        "--mqtt", "127.0.0.1:" + GatewayProcess.freeTcpPort(),
        "--data-dir", dir.resolve("data").toString())) {
      gateway.awaitRunning();

      List<String> jvmArguments = commandLine(gateway.pid());
      assertThat(jvmArguments).containsAll(GatewayProcess.shippedJvmOptions()).contains("-XX:SharedArchiveFile=" + archive);
      assertThat(archive).isNotEmptyFile();
      assertThat(gateway.stop()).as("a clean stop; log: %s", gateway.log()).isZero();
    }
  }

  @Test
  void launcher_withoutItsOptionsFile_saysWhatIsMissing() {
    Path missing = dir.resolve("nowhere.options");
    try (GatewayProcess launcher = GatewayProcess.launchScript(Map.of("SNGW_JVM_OPTIONS", missing.toString()),
        "--version")) {
      assertThat(launcher.awaitExit()).isEqualTo(2);
      assertThat(launcher.log()).containsExactly("sngw: no JVM options file at " + missing);
    }
  }

  /** The process's arguments as the kernel has them: the JVM's, since the launcher execs it. */
  private static List<String> commandLine(long pid) throws IOException {
    String raw = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
    return Arrays.asList(raw.split("\0"));
  }
}
