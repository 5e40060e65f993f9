package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.transport.serial.SocatPty;

/** The packaged jar as a user runs it: flags, exit codes, start-up lines, SIGTERM. */
class CommandLineIT {
  @TempDir
  Path dataDir;

  @Test
  void version_printsNameAndVersion() {
    try (GatewayProcess run = GatewayProcess.launch("--version")) {
      assertThat(run.awaitExit()).isZero();
      assertThat(run.log()).singleElement().asString().startsWith("sngw ");
    }
  }

  @Test
  void help_listsTheOptions() {
    try (GatewayProcess run = GatewayProcess.launch("--help")) {
      assertThat(run.awaitExit()).isZero();
      assertThat(String.join("\n", run.log()))
          .contains("--udp", "--mqtt", "--data-dir", "--predefined", "--config", "--recover", "--in-memory");
    }
  }

  @Test
  void badValue_exitsTwoWithOneLineNamingTheFlag() {
    try (GatewayProcess run = GatewayProcess.launch("--udp", "nonsense")) {
      assertThat(run.awaitExit()).isEqualTo(2);
      assertThat(run.log()).singleElement().asString().contains("--udp");
    }
  }

  @Test
  void portInUse_exitsNonZeroNamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        GatewayProcess run = GatewayProcess.launch("--udp", "127.0.0.1:0", "--mqtt",
            "127.0.0.1:" + taken.getLocalPort(), "--data-dir", dataDir.toString())) {
      assertThat(run.awaitExit()).isEqualTo(1);
      assertThat(String.join("\n", run.log())).contains("127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void damagedStore_stopsWithTheFileNamed_andRecoverStartsEmpty() throws Exception {
    Path storeFile = dataDir.resolve("state.mv.db");
    Files.write(storeFile, "this is not an MVStore file, just bytes on a bad SD card".repeat(100).getBytes());
    String[] listeners = {"--udp", "127.0.0.1:0", "--mqtt", "127.0.0.1:0", "--data-dir", dataDir.toString()};

    try (GatewayProcess refused = GatewayProcess.launch(listeners)) {
      assertThat(refused.awaitExit()).isEqualTo(1);
      assertThat(String.join("\n", refused.log())).contains(storeFile.toString(), "--recover")
          .as("one line, no stack trace").doesNotContain("\tat ");
    }
    try (Stream<Path> files = Files.list(dataDir)) {
      assertThat(files.map(f -> f.getFileName().toString())).anyMatch(name -> name.startsWith("state.mv.db.damaged-"));
    }

    Files.write(storeFile, "damaged again".repeat(100).getBytes());
    String[] recovering = Arrays.copyOf(listeners, listeners.length + 1);
    recovering[listeners.length] = "--recover";
    try (GatewayProcess recovered = GatewayProcess.start(recovering)) {
      assertThat(recovered.stop()).isNotEqualTo(137);
    }
  }

  @Test
  void start_logsEachListenerThenStopsCleanlyOnSigterm() {
    int udpPort = GatewayProcess.freeUdpPort();
    int mqttPort = GatewayProcess.freeTcpPort();
    try (GatewayProcess gateway = GatewayProcess.start(
        "--udp", "127.0.0.1:" + udpPort, "--mqtt", "127.0.0.1:" + mqttPort, "--data-dir", dataDir.toString())) {
      String startLog = String.join("\n", gateway.log());
      assertThat(startLog).contains("127.0.0.1:" + udpPort, "127.0.0.1:" + mqttPort)
          .contains("anonymous clients allowed");

      assertThat(gateway.stop()).as("exit status after SIGTERM").isZero();

      String fullLog = String.join("\n", gateway.log());
      assertThat(fullLog).contains("stopping", "stopped").doesNotContain("Exception");
    }
  }

  @Test
  void sighup_readsThePasswordFileAgain() {
    Path passwd = dataDir.resolve("passwd");
    Commands.run(List.of("mosquitto_passwd", "-b", "-c", passwd.toString(), "alice", "s3cret"),
        "apt-get install mosquitto");
    try (GatewayProcess gateway = GatewayProcess.start("--udp", "127.0.0.1:" + GatewayProcess.freeUdpPort(),
        "--mqtt", "127.0.0.1:" + GatewayProcess.freeTcpPort(), "--data-dir", dataDir.toString(),
        "--password-file", passwd.toString())) {
      Commands.run(List.of("mosquitto_passwd", "-b", passwd.toString(), "bob", "b0b"), "apt-get install mosquitto");

      gateway.signal("HUP");

      await().atMost(Duration.ofSeconds(10)).until(() -> String.join("\n", gateway.log()).contains("2 user(s)"));
      assertThat(gateway.stop()).isZero();
    }
  }

  @Test
  void checkConfig_exitsZeroForAGoodFileAndOneForABadOne() throws Exception {
    Path good = Files.writeString(dataDir.resolve("good.yaml"), "mqtt-sn:\n  gateway-id: 9\n");
    Path bad = Files.writeString(dataDir.resolve("bad.yaml"), "mqtt-sn:\n  gateway-id: 900\n");

    try (GatewayProcess check = GatewayProcess.launch("check-config", good.toString())) {
      assertThat(check.awaitExit()).isZero();
      assertThat(check.log()).startsWith("ok").contains("  gateway-id: 9");
    }
    try (GatewayProcess check = GatewayProcess.launch("check-config", bad.toString())) {
      assertThat(check.awaitExit()).isEqualTo(1);
      assertThat(check.log()).contains("mqtt-sn.gateway-id: must be 1..255, was 900 (line 2)");
    }
  }

  @Test
  void ports_listsTheMachinesSerialPorts_andExitsZero() {
    try (GatewayProcess ports = GatewayProcess.launch("ports")) {
      assertThat(ports.awaitExit()).isZero();
      assertThat(ports.log()).first().asString().startsWith("serial ports");
    }
  }

  @Test
  void nativeTransportsOff_theGatewaySaysWhyAndServesOnNio() {
    int udpPort = GatewayProcess.freeUdpPort();
    List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dio.netty.transport.noNative=true");
    try (GatewayProcess gateway = GatewayProcess.launchOn(java, Map.of(), "--udp", "127.0.0.1:" + udpPort,
        "--mqtt", "127.0.0.1:" + GatewayProcess.freeTcpPort(), "--data-dir", dataDir.resolve("nio").toString());
        SnTestClient sensor = new SnTestClient(new InetSocketAddress("127.0.0.1", udpPort))) {
      gateway.awaitRunning();

      assertThat(gateway.log())
          .anyMatch(line -> line.contains("network I/O on Java NIO: Netty's native epoll is not available"))
          .anyMatch(line -> line.contains("UDP listening on 127.0.0.1:" + udpPort + " with NIO"));
      sensor.connect("nio-1", 60);
      assertThat(gateway.stop()).isZero();
    }
  }

  @Test
  void sighup_withASerialPort_isIgnored_andTheStartLogSaysSo() throws Exception {
    try (SocatPty pty = SocatPty.start(dataDir);
        GatewayProcess gateway = GatewayProcess.start("--udp", "127.0.0.1:" + GatewayProcess.freeUdpPort(),
            "--mqtt", "127.0.0.1:" + GatewayProcess.freeTcpPort(), "--data-dir", dataDir.resolve("data").toString(),
            "--serial", pty.gateway + "@115200")) {
      assertThat(gateway.log()).anyMatch(line -> line.contains("WARN Main - SIGHUP is ignored in this process"));

      gateway.signal("HUP");

      assertThat(gateway.stop()).as("still running after SIGHUP, and stops cleanly").isZero();
    }
  }
}
