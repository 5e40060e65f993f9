package org.sngw.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
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
    this.users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
  }

  /**
   * Reads the file.
   *
   * @throws StartException naming the file and every bad line
   */
  public static PasswordFile read(Path file) throws StartException {
    List<String> lines = AccessFiles.lines(file, "password file");
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

  /** No users yet, to be written to {@code file}: what {@code passwd} starts a new file from. */
  public static PasswordFile empty(Path file) {
    return new PasswordFile(file, Map.of());
  }

  /** With {@code user} added, or its password replaced. */
  public PasswordFile withUser(String user, PasswordHash hash) {
    if (user.isEmpty() || user.contains(":") || user.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a user name must not be empty or hold ':' or control characters");
    }
    Map<String, PasswordHash> changed = new LinkedHashMap<>(users);
    changed.put(user, hash);
    return new PasswordFile(source, changed);
  }

  /** Without {@code user}; the same file if it is not listed. */
  public PasswordFile withoutUser(String user) {
    Map<String, PasswordHash> changed = new LinkedHashMap<>(users);
    changed.remove(user);
    return new PasswordFile(source, changed);
  }

  public boolean has(String user) {
    return users.containsKey(user);
  }

  /**
   * Replaces the file with these users, atomically: a reader sees the old file or the new one. A
   * new file is readable by its owner only, as it is as good as the passwords to a guesser.
   */
  public void write() throws IOException {
    StringBuilder text = new StringBuilder();
    users.forEach((user, hash) -> text.append(user).append(':').append(hash.encoded()).append('\n'));
    Path absolute = source.toAbsolutePath();
    Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".new",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      if (Files.exists(absolute)) {
        Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(absolute));
      }
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
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
