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
    if (!installed) {
      missing(tool + " is not installed: apt-get install " + debianPackage + " (bash .ci/run does)");
    }
  }

  /** @param command what prepares {@code thing} (a script of ours that .ci/run calls) */
  public static void requirePrepared(boolean present, String thing, String command) {
    if (!present) {
      missing(thing + " is missing: " + command + " (bash .ci/run does)");
    }
  }

  private static void missing(String message) {
    if (System.getenv("CI") != null) {
      throw new IllegalStateException(message);
    }
    System.err.println("SKIPPED: " + message);
    Assumptions.abort(message);
  }
}
