package org.sngw.app.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** The page's files, read from the jar once: no build chain, nothing fetched from elsewhere. */
final class StaticFiles {
  /** A file and how a browser should take it. */
  record File(byte[] bytes, String contentType) {}

  private static final Map<String, File> FILES = Map.of(
      "/", read("index.html", "text/html; charset=utf-8"),
      "/status.js", read("status.js", "text/javascript; charset=utf-8"),
      "/status.css", read("status.css", "text/css; charset=utf-8"));

  private StaticFiles() {}

  static Optional<File> file(String path) {
    return Optional.ofNullable(FILES.get(path));
  }

  private static File read(String name, String contentType) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks the status page's " + name);
      }
      return new File(in.readAllBytes(), contentType);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
