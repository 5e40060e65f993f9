package org.sngw.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sngw.runtime.StartException;

/** Reading the password and ACL files: whole, as UTF-8, with a message naming the file. */
final class AccessFiles {
  private AccessFiles() {}

  /** @param kind what the file is, for the message: "password file", "ACL file" */
  static List<String> lines(Path file, String kind) throws StartException {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StartException(kind + " " + file + " cannot be read: " + e, e);
    }
  }
}
