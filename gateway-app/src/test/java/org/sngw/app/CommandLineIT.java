package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a user runs it: flags, exit codes, start-up lines, SIGTERM. */
class CommandLineIT {
  private static final Path JAR = Path.of("target", "gateway.jar");

  @TempDir
  Path dataDir;

  @Test
  void version_printsNameAndVersion() throws Exception {
    Result result = run("--version");

    assertThat(result.exitCode).isZero();
    assertThat(result.output).startsWith("sngw ");
  }

  @Test
  void help_listsTheOptions() throws Exception {
    Result result = run("--help");

    assertThat(result.exitCode).isZero();
    assertThat(result.output).contains("--udp", "--mqtt", "--data-dir", "--predefined", "--config");
  }

  @Test
  void badValue_exitsTwoWithOneLineNamingTheFlag() throws Exception {
    Result result = run("--udp", "nonsense");

    assertThat(result.exitCode).isEqualTo(2);
    assertThat(result.output.strip().lines()).singleElement().asString().contains("--udp");
  }

  @Test
  void portInUse_exitsNonZeroNamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Result result = run("--udp", "127.0.0.1:0", "--mqtt", "127.0.0.1:" + taken.getLocalPort(),
          "--data-dir", dataDir.toString());

      assertThat(result.exitCode).isEqualTo(1);
      assertThat(result.output).contains("127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void start_logsEachListenerThenStopsCleanlyOnSigterm() throws Exception {
    int udpPort;
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      udpPort = probe.getLocalPort();
    }
    Process gateway = start("--udp", "127.0.0.1:" + udpPort, "--mqtt", "127.0.0.1:0", "--data-dir", dataDir.toString());
    try (BufferedReader log = new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = log.readLine()) != null && !line.contains("gateway running")) {
        lines.add(line);
      }
      assertThat(line).as("start-up finished; log so far: %s", lines).isNotNull();
      assertThat(String.join("\n", lines)).contains("127.0.0.1:" + udpPort);
      Matcher mqtt = Pattern.compile("MQTT tcp /?127\\.0\\.0\\.1:(\\d+)").matcher(line);
      assertThat(mqtt.find()).as(line).isTrue();

      // SIGTERM through the handle: Process.destroy() would also close the log stream we still read.
      gateway.toHandle().destroy();
      assertThat(gateway.waitFor(15, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
      StringBuilder rest = new StringBuilder();
      while ((line = log.readLine()) != null) {
        rest.append(line).append('\n');
      }
      assertThat(rest).contains("stopping");
      assertThat(rest.toString()).doesNotContain("Exception");
    } finally {
      gateway.destroyForcibly();
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result run(String... args) throws IOException, InterruptedException {
    Process process = start(args);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private static Process start(String... args) throws IOException {
    assertThat(Files.exists(JAR)).as("%s is built by mvn package", JAR).isTrue();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
