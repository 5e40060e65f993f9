package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's mosquitto_sub and mosquitto_pub, run against the gateway's MQTT listener or a {@link MosquittoBroker}. */
final class Mosquitto {
  private Mosquitto() {}

  /** A running mosquitto_sub printing {@code topic payload} lines. */
  static final class Sub extends SubscriberProcess {
    // -d interleaves protocol traces with the messages; SUBACK says the subscription is live.
    private Sub(Process process) {
      super("mosquitto_sub", process, line -> line.startsWith("Client ") && line.contains("received SUBACK"),
          line -> !line.startsWith("Client ") && !line.startsWith("Subscribed ("));
    }
  }

  /** Starts mosquitto_sub and waits for its SUBACK. */
  static Sub subscribe(InetSocketAddress broker, String topic, int qos, String... extraArgs) {
    // stdbuf: mosquitto_sub's stdout is a pipe here, and its SUBACK trace must not sit in a buffer.
    List<String> command = new ArrayList<>(List.of(
        "stdbuf", "-oL", "mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(broker.getPort()),
        "-t", topic, "-q", Integer.toString(qos), "-v", "-d"));
    command.addAll(List.of(extraArgs));
    Sub sub = new Sub(start(command));
    sub.awaitSubscribed();
    return sub;
  }

  /** Runs mosquitto_pub to completion and asserts it succeeded. */
  static void publish(InetSocketAddress broker, String topic, String payload, int qos, String... extraArgs) {
    Finished pub = runPublish(broker, topic, payload, qos, extraArgs);
    assertThat(pub.exitCode()).as("mosquitto_pub exit code: " + pub.output()).isZero();
  }

  /** Runs mosquitto_pub to completion and returns its exit code: for publishes the broker should refuse. */
  static int publishExitCode(InetSocketAddress broker, String topic, String payload, int qos, String... extraArgs) {
    return runPublish(broker, topic, payload, qos, extraArgs).exitCode();
  }

  /**
   * The retained messages under {@code filter} now, as a new subscriber gets them first: one
   * {@code topic TAB payload} line each (a tab, since $SYS topics may hold spaces).
   */
  static List<String> retained(InetSocketAddress broker, String filter) {
    // --retained-only stops at the first live message; -W 2 stops it when none comes.
    Finished sub = finish(start(List.of(
        "mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(broker.getPort()),
        "-t", filter, "--retained-only", "-W", "2", "-F", "%t\t%p")), Duration.ofSeconds(10));
    return sub.output().lines().filter(line -> line.contains("\t")).toList();
  }

  private record Finished(int exitCode, String output) {}

  private static Finished runPublish(InetSocketAddress broker, String topic, String payload, int qos,
      String... extraArgs) {
    List<String> command = new ArrayList<>(List.of(
        "mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(broker.getPort()),
        "-t", topic, "-m", payload, "-q", Integer.toString(qos)));
    command.addAll(List.of(extraArgs));
    return finish(start(command), Duration.ofSeconds(10));
  }

  /**
   * Runs one mosquitto_pub -l, each payload a line of its stdin, so published in order over one
   * connection, and asserts it succeeded: many messages without a process each.
   */
  static void publishLines(InetSocketAddress broker, String topic, List<String> payloads, int qos) {
    Process process = start(List.of(
        "mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(broker.getPort()),
        "-t", topic, "-l", "-q", Integer.toString(qos)));
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(String.join("\n", payloads).concat("\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Finished pub = finish(process, Duration.ofSeconds(30));
    assertThat(pub.exitCode()).as("mosquitto_pub -l exit code: " + pub.output()).isZero();
  }

  private static Finished finish(Process process, Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        // One waiting for acknowledgements that never come would outlive the test.
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        throw new AssertionError(process.info().command().orElse("mosquitto_pub") + " did not finish within " + timeout.toSeconds() + " s");
      }
      return new Finished(process.exitValue(),
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Process start(List<String> command) {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0) + " (apt-get install mosquitto-clients)", e);
    }
  }
}
