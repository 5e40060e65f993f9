package org.sngw.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version Maven wrote into {@code version.properties} when it built the jar. */
public final class Version {
  private Version() {}

  /** {@code sngw <version>}, as {@code --version} prints it. */
  public static String text() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return "sngw " + properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
