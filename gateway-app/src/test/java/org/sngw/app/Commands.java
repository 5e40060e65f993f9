package org.sngw.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived tool (openssl, mosquitto_passwd, dpkg-deb) to completion and fails loudly if
 * it fails; returns what it wrote, stdout and stderr together.
 */
final class Commands {
  private Commands() {}

  static String run(List<String> command, String installHint) {
    Finished finished = finish(command, installHint);
    if (finished.exitCode() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed (" + finished.exitCode() + "): "
          + finished.output());
    }
    return finished.output();
  }

  /** What a finished tool wrote, stdout and stderr together, and its exit status. */
  record Finished(int exitCode, String output) {}

  /** Runs the tool to completion, whatever its exit status: for tools that are meant to fail too. */
  static Finished finish(List<String> command, String installHint) {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0) + " (" + installHint + ")", e);
    }
    try {
      // Read before waiting: a chatty tool must not block on a full pipe.
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish");
      }
      return new Finished(process.exitValue(), output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the command exits 0 within 10 s (a probe such as {@code sudo -n true}); output dropped. */
  static boolean succeeds(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
