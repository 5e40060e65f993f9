package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's mosquitto_pub and mosquitto_sub run against the listener on 127.0.0.1. */
final class MosquittoClients {
  private static final long EXIT_TIMEOUT_SECONDS = 15;

  private MosquittoClients() {}

  /** Runs mosquitto_pub to its end and returns its exit code. */
  static int pub(int port, String... args) {
    Process process = start("mosquitto_pub", port, args);
    return exitCode(process);
  }

  /** What a client printed and how it exited. */
  record Run(int exitCode, String output) {}

  /** Runs mosquitto_pub to its end: for connections the listener should refuse. */
  static Run pubRun(int port, String... args) {
    Process process = start("mosquitto_pub", port, args);
    int code = exitCode(process);
    return new Run(code, read(process));
  }

  /** Starts mosquitto_sub; the caller waits for it with {@link #output}, or kills it. */
  static Process sub(int port, String... args) {
    return start("mosquitto_sub", port, args);
  }

  /** Waits for a process to exit 0 and returns what it printed. */
  static String output(Process process) {
    int code = exitCode(process);
    String printed = read(process);
    assertThat(code).as("exit code, output: %s", printed).isZero();
    return printed;
  }

  private static Process start(String program, int port, String... args) {
    List<String> command = new ArrayList<>(List.of(program, "-h", "127.0.0.1", "-p", Integer.toString(port)));
    command.addAll(List.of(args));
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + program + " (apt-get install mosquitto-clients; bash .ci/run does)", e);
    }
  }

  private static int exitCode(Process process) {
    try {
      if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(process.info().command().orElse("client") + " did not exit: " + read(process));
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String read(Process process) {
    try {
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(output unreadable: " + e + ")";
    }
  }
}
