package org.sngw.tls;

import java.nio.file.Path;
import java.util.Objects;

/** A certificate or key file that cannot be used, with one line saying which and why. */
public final class TlsFileException extends Exception {
  private final Path file;
  private final String problem;

  public TlsFileException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = Objects.requireNonNull(file, "file");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public Path file() {
    return file;
  }

  /** What is wrong, without the file name. */
  public String problem() {
    return problem;
  }
}
