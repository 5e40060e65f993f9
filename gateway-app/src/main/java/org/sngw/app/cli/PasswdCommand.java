package org.sngw.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Arrays;
import org.sngw.auth.PasswordFile;
import org.sngw.auth.PasswordHash;
import org.sngw.runtime.StartException;

/**
 * {@code passwd FILE USER}: what {@code mosquitto_passwd} does for Mosquitto, for the same file
 * format. The password never appears in the arguments, so not in the process list either.
 */
public final class PasswdCommand {
  private PasswdCommand() {}

  /** What the command did, for Main to print, and the exit status. */
  public record Result(int exitStatus, String message) {}

  public static Result run(ParseOutcome.Passwd command, InputStream stdin, Console console) {
    try {
      PasswordFile file = Files.exists(command.file())
          ? PasswordFile.read(command.file())
          : PasswordFile.empty(command.file());
      if (command.delete()) {
        if (!file.has(command.user())) {
          return new Result(1, "passwd: " + command.user() + " is not in " + command.file());
        }
        file.withoutUser(command.user()).write();
        return new Result(0, "passwd: " + command.user() + " removed from " + command.file());
      }
      byte[] password = command.passwordFromStdin() ? firstLine(stdin) : askTwice(console);
      try {
        file.withUser(command.user(), PasswordHash.create(password, new SecureRandom())).write();
      } finally {
        Arrays.fill(password, (byte) 0);
      }
      return new Result(0, "passwd: " + command.user() + " set in " + command.file()
          + "; a running gateway reads it on SIGHUP");
    } catch (StartException | IOException | IllegalArgumentException e) {
      return new Result(1, "passwd: " + e.getMessage());
    }
  }

  private static byte[] firstLine(InputStream stdin) throws IOException {
    String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
    if (line == null || line.isEmpty()) {
      throw new IllegalArgumentException("no password on standard input");
    }
    return line.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] askTwice(Console console) {
    if (console == null) {
      throw new IllegalArgumentException("no terminal to ask on: give the password with --password-stdin");
    }
    char[] first = console.readPassword("Password: ");
    char[] second = console.readPassword("Reenter password: ");
    try {
      if (first == null || first.length == 0) {
        throw new IllegalArgumentException("no password given");
      }
      if (!Arrays.equals(first, second)) {
        throw new IllegalArgumentException("the passwords do not match");
      }
      return new String(first).getBytes(StandardCharsets.UTF_8);
    } finally {
      Arrays.fill(first == null ? new char[0] : first, '\0');
      Arrays.fill(second == null ? new char[0] : second, '\0');
    }
  }
}
