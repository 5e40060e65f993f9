package org.sngw;

import org.junit.jupiter.api.Assumptions;

/**
 * A program from Debian that an integration test needs. Missing on a developer's machine, the test
 * is skipped with a line saying what to install; missing where CI is set, the test fails, so CI
 * can never pass by skipping. `bash .ci/run` installs every one of them.
 */
public final class RequiredTool {
  private RequiredTool() {}

  /** @param debianPackage the package that brings {@code tool} */
  public static void require(boolean installed, String tool, String debianPackage) {
    if (installed) {
      return;
    }
    String message = tool + " is not installed: apt-get install " + debianPackage + " (bash .ci/run does)";
    if (System.getenv("CI") != null) {
      throw new IllegalStateException(message);
    }
    System.err.println("SKIPPED: " + message);
    Assumptions.abort(message);
  }
}
