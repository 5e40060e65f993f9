package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The packaged gateway as a separate process, as a user (or systemd) runs it. */
final class GatewayProcess implements AutoCloseable {
  static final Path JAR = Path.of("target", "gateway.jar");
  static final Path LAUNCHER = Path.of("target", "sngw");
  static final Path JVM_OPTIONS = Path.of("target", "jvm.options");
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private final Process process;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final CountDownLatch running = new CountDownLatch(1);
  private final Thread reader = new Thread(this::readLog, "gateway-log-reader");

  private GatewayProcess(Process process) {
    this.process = process;
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the jar with these arguments and returns at once. */
  static GatewayProcess launch(String... args) {
    return launchOn(List.of(JAVA), Map.of(), args);
  }

  /**
   * Starts the jar on this JVM command (a java and its options, or an emulator running another
   * machine's java) with extra environment, and returns at once.
   */
  static GatewayProcess launchOn(List<String> java, Map<String, String> environment, String... args) {
    assertThat(Files.exists(JAR)).as("%s is built by mvn package", JAR).isTrue();
    List<String> command = new ArrayList<>(java);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    return begin(builder);
  }

  /** The options of the jvm.options file the build puts beside the jar, comments and blanks left out. */
  static List<String> shippedJvmOptions() {
    try {
      List<String> options = Files.readAllLines(JVM_OPTIONS).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
      assertThat(options).as("options in %s", JVM_OPTIONS).contains("-XX:+UseSerialGC");
      return options;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts the launcher the build puts beside the jar ({@code target/sngw}, with the shipped JVM
   * options) with these arguments and extra environment, and returns at once.
   */
  static GatewayProcess launchScript(Map<String, String> environment, String... args) {
    return launchScript(LAUNCHER, environment, args);
  }

  /** Starts this copy of the launcher (or a link to it, as the Debian package's /usr/bin/sngw). */
  static GatewayProcess launchScript(Path launcher, Map<String, String> environment, String... args) {
    assertThat(Files.isExecutable(launcher)).as("%s is built by mvn package", launcher).isTrue();
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("JAVA", JAVA);
    builder.environment().putAll(environment);
    return begin(builder);
  }

  private static GatewayProcess begin(ProcessBuilder builder) {
    // A child inherits ignored signals, and this JVM ignores SIGHUP once a test has used jSerialComm
    // (its native library does so when it loads): the gateway must get SIGHUP as systemd gives it.
    List<String> command = new ArrayList<>(List.of("env", "--default-signal=HUP"));
    command.addAll(builder.command());
    builder.command(command);
    try {
      return new GatewayProcess(builder.redirectErrorStream(true).start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  /** Starts the jar and waits until it says it is running. */
  static GatewayProcess start(String... args) {
    GatewayProcess gateway = launch(args);
    gateway.awaitRunning();
    return gateway;
  }

  void awaitRunning() {
    awaitRunning(Duration.ofSeconds(30));
  }

  void awaitRunning(Duration limit) {
    try {
      assertThat(running.await(limit.toMillis(), TimeUnit.MILLISECONDS)).as("gateway started; log: %s", log).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private void readLog() {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        log.add(line);
        if (line.contains("gateway running")) {
          running.countDown();
        }
      }
    } catch (IOException e) {
      // The process is gone; the log read so far stays.
    }
  }

  List<String> log() {
    return List.copyOf(log);
  }

  /** Sends a signal by name, e.g. {@code HUP}, as an administrator's {@code kill -HUP} would. */
  void signal(String name) {
    // bash's own kill: /bin/kill (procps) may be missing on a minimal machine.
    Commands.run(List.of("bash", "-c", "kill -" + name + " " + process.pid()), "bash");
  }

  /** SIGTERM, then waits for the exit. */
  int stop() {
    process.toHandle().destroy();
    return awaitExit();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  void kill() {
    process.toHandle().destroyForcibly();
    awaitExit();
  }

  /** Waits for the process to end by itself, and for the last line it wrote, and returns its exit code. */
  int awaitExit() {
    try {
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("gateway exited").isTrue();
      // The reader may still hold the last lines: an exit does not wait for them to be read.
      reader.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  /** A loopback UDP port free right now. */
  static int freeUdpPort() {
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A loopback TCP port free right now. */
  static int freeTcpPort() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
