package org.sngw.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sngw.runtime.StartException;

/**
 * Users and their password hashes, in Mosquitto's format: a {@code user:hash} line each (see
 * {@link PasswordHash}), {@code #} comments and blank lines ignored.
 */
public final class PasswordFile {
  /** Checked in place of an unknown user's hash, so an unknown name costs as long as a wrong password. */
  private static final PasswordHash NOBODY = PasswordHash.parse(
      "$7$101$AAAAAAAAAAAAAAAA$" + "A".repeat(86) + "==");

  private final Path source;
  private final Map<String, PasswordHash> users;

  private PasswordFile(Path source, Map<String, PasswordHash> users) {
    this.source = source;
    this.users = Map.copyOf(users);
  }

  /**
   * Reads the file.
   *
   * @throws StartException naming the file and every bad line
   */
  public static PasswordFile read(Path file) throws StartException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StartException("password file " + file + " cannot be read: " + e, e);
    }
    Map<String, PasswordHash> users = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        problems.add("line " + (i + 1) + ": expected USER:HASH");
        continue;
      }
      String user = line.substring(0, colon);
      try {
        if (users.put(user, PasswordHash.parse(line.substring(colon + 1))) != null) {
          problems.add("line " + (i + 1) + ": user " + user + " is listed twice");
        }
      } catch (IllegalArgumentException e) {
        problems.add("line " + (i + 1) + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new StartException("password file " + file + ": " + String.join("; ", problems));
    }
    return new PasswordFile(file, users);
  }

  /** Whether {@code user} is listed with this {@code password}. */
  public boolean check(String user, byte[] password) {
    Optional<PasswordHash> hash = Optional.ofNullable(users.get(user));
    boolean matches = hash.orElse(NOBODY).matches(password);
    return hash.isPresent() && matches;
  }

  public int size() {
    return users.size();
  }

  public Path source() {
    return source;
  }
}
