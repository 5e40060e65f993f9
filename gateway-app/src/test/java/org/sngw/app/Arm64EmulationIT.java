package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.ClosingStack;
import org.sngw.RequiredTool;
import org.sngw.transport.ble.bluez.BluezMock;
import org.sngw.transport.serial.SocatPty;
import org.sngw.transport.serial.framing.Framing;
import org.sngw.transport.serial.framing.Framings;

/**
 * The real jar on Debian's arm64 JVM, run by qemu-aarch64-static from the sysroot that
 * {@code .ci/arm64-sysroot} unpacks, with the shipped JVM options: each native piece a Raspberry Pi
 * needs loads there. Netty's epoll (and the NIO fallback with native transports off), jSerialComm's
 * library on a socat pty, dbus-java's Unix socket to a mocked BlueZ; sensors over UDP and serial
 * publish and mosquitto_sub sees it. Start time and resident memory are printed as a sanity figure
 * of the emulation (bench/RESULTS.md), not a Pi's. Everything stays on 127.0.0.1, a pty and a
 * private bus.
 */
class Arm64EmulationIT {
  private static final Path SYSROOT = Optional.ofNullable(System.getenv("SNGW_ARM64_SYSROOT")).map(Path::of)
      .orElse(Path.of(System.getProperty("user.home"), ".cache", "sngw-arm64", "sysroot"));
  private static final String EMULATOR = "qemu-aarch64-static";
  /** Seen at 5-8 s on a quiet 2-core machine; the JIT runs translated, so a busy one is slower. */
  private static final Duration EMULATED_START = Duration.ofSeconds(120);
  private static final Duration EMULATED_ANSWER = Duration.ofSeconds(60);

  @TempDir Path dir;

  private final ClosingStack started = new ClosingStack();

  @BeforeEach
  void requireTheEmulatedRuntime() {
    RequiredTool.require(Commands.succeeds(List.of(EMULATOR, "--version")), EMULATOR, "qemu-user-static");
    RequiredTool.requirePrepared(Files.isRegularFile(SYSROOT.resolve(".complete")),
        "Debian's arm64 Java runtime in " + SYSROOT, "bash .ci/arm64-sysroot");
  }

  @AfterEach
  void stopEverything() {
    started.close();
  }

  @Test
  void arm64Jvm_loadsEpollJSerialCommAndDbusJava_andSensorsReachMqtt() throws Exception {
    RequiredTool.require(Commands.succeeds(List.of("socat", "-V")), "socat", "socat");
    BluezMock bluez = BluezMock.onPrivateBus("hci0", dir, started);
    SocatPty pty = started.push(SocatPty.start(dir));
    InetSocketAddress udp = loopback(GatewayProcess.freeUdpPort());
    InetSocketAddress mqtt = loopback(GatewayProcess.freeTcpPort());

    long launched = System.nanoTime();
    Map<String, String> systemBus = Map.of("DBUS_SYSTEM_BUS_ADDRESS", bluez.busAddress());
    GatewayProcess gateway = started.push(GatewayProcess.launchOn(arm64Java(), systemBus,
        "--udp", "127.0.0.1:" + udp.getPort(), "--mqtt", "127.0.0.1:" + mqtt.getPort(),
        "--serial", pty.gateway + "@115200:plain", "--ble", "--data-dir", dir.resolve("data").toString()));
    gateway.awaitRunning(EMULATED_START);
    Duration startup = Duration.ofNanos(System.nanoTime() - launched);

    assertThat(gateway.log()).as("the log of the arm64 JVM")
        .anyMatch(line -> line.contains("UDP listening on " + hostPort(udp) + " with epoll"))
        .anyMatch(line -> line.contains("MQTT listener on " + hostPort(mqtt) + " (epoll)"))
        .anyMatch(line -> line.contains("Serial port " + pty.gateway + " open at 115200 baud"));
    // dbus-java's Unix socket reached the mocked BlueZ, which then saw the adapter asked to scan.
    await().atMost(EMULATED_ANSWER).untilAsserted(() -> assertThat(gateway.log())
        .anyMatch(line -> line.contains("BLE adapter hci0 ready: scanning")));
    await().atMost(EMULATED_ANSWER).until(() -> bluez.run("discovery", "hci0").get(0).equals("discovering"));

    try (Mosquitto.Sub sub = Mosquitto.subscribe(mqtt, "sensors/#", 1);
        SnTestClient udpSensor = new SnTestClient(udp);
        SerialSensor serialSensor = new SerialSensor(pty.sensor, packet -> packet, Framings.reader(Framing.PLAIN, 2048))) {
      udpSensor.connect("arm-udp", 60);
      udpSensor.publishQos1(udpSensor.register("sensors/arm-udp/t"), "20.5".getBytes(StandardCharsets.UTF_8));
      serialSensor.connect("arm-serial");
      serialSensor.publishQos1("sensors/arm-serial/t", "19.0");
      await().atMost(EMULATED_ANSWER).untilAsserted(() -> assertThat(sub.messages())
          .containsExactlyInAnyOrder("sensors/arm-udp/t 20.5", "sensors/arm-serial/t 19.0"));
    }
    System.out.printf("arm64 under qemu-user: start to running %d ms, VmRSS %d KiB after a UDP and a serial "
        + "sensor published%n", startup.toMillis(), residentKib(gateway.pid()));
    assertThat(gateway.stop()).as("a clean stop; log: %s", gateway.log()).isZero();
  }

  @Test
  void arm64Jvm_withNativeTransportsOff_fallsBackToNioAndServes() throws Exception {
    InetSocketAddress udp = loopback(GatewayProcess.freeUdpPort());
    InetSocketAddress mqtt = loopback(GatewayProcess.freeTcpPort());
    List<String> java = new ArrayList<>(arm64Java());
    java.add("-Dio.netty.transport.noNative=true");
    GatewayProcess gateway = started.push(GatewayProcess.launchOn(java, Map.of(),
        "--udp", "127.0.0.1:" + udp.getPort(), "--mqtt", "127.0.0.1:" + mqtt.getPort(),
        "--data-dir", dir.resolve("data").toString()));
    gateway.awaitRunning(EMULATED_START);

    assertThat(gateway.log())
        .anyMatch(line -> line.contains("network I/O on Java NIO: Netty's native epoll is not available"))
        .anyMatch(line -> line.contains("UDP listening on " + hostPort(udp) + " with NIO"));
    try (Mosquitto.Sub sub = Mosquitto.subscribe(mqtt, "sensors/#", 1); SnTestClient sensor = new SnTestClient(udp)) {
      sensor.connect("arm-nio", 60);
      sensor.publishQos1(sensor.register("sensors/arm-nio/t"), "7".getBytes(StandardCharsets.UTF_8));
      await().atMost(EMULATED_ANSWER).untilAsserted(() -> assertThat(sub.messages())
          .containsExactly("sensors/arm-nio/t 7"));
    }
    assertThat(gateway.stop()).as("a clean stop; log: %s", gateway.log()).isZero();
  }

  /** The emulator running the sysroot's java with the shipped options, as the Pi's launcher would. */
  private static List<String> arm64Java() throws IOException {
    String java = Files.readString(SYSROOT.resolve(".java")).strip();
    List<String> command = new ArrayList<>(List.of(EMULATOR, "-L", SYSROOT.toString(), SYSROOT + java));
    command.addAll(GatewayProcess.shippedJvmOptions());
    return command;
  }

  private static InetSocketAddress loopback(int port) {
    return new InetSocketAddress("127.0.0.1", port);
  }

  private static String hostPort(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  private static long residentKib(long pid) throws IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(line -> line.startsWith("VmRSS:"))
        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
        .findFirst().orElseThrow();
  }
}
