package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The .deb that mvn package leaves in target, read with Debian's dpkg-deb. */
final class BuiltDebianPackage {
  private static final String HINT = "apt-get install dpkg";

  /** One line of {@code dpkg-deb -c}: an entry of the package's data archive. */
  record Entry(String mode, String owner, String path, String linkTarget) {}

  private final Path file;

  private BuiltDebianPackage(Path file) {
    this.file = file;
  }

  /** The one {@code sngw_*_all.deb} in {@code target}. */
  static BuiltDebianPackage find() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> debs = files
          .filter(path -> path.getFileName().toString().matches("sngw_.+_all\\.deb"))
          .toList();
      assertThat(debs).as("the package mvn package builds in target").hasSize(1);
      return new BuiltDebianPackage(debs.get(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path file() {
    return file;
  }

  /** A field of the control file, as {@code dpkg-deb -f} prints it. */
  String field(String name) {
    return Commands.run(List.of("dpkg-deb", "-f", file.toString(), name), HINT).strip();
  }

  /** A file of the control archive (conffiles, postinst, ...), as {@code dpkg-deb -I} prints it. */
  String controlFile(String name) {
    return Commands.run(List.of("dpkg-deb", "-I", file.toString(), name), HINT);
  }

  /** The data archive's entries by absolute path, directories without their trailing slash. */
  Map<String, Entry> contents() {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (String line : Commands.run(List.of("dpkg-deb", "-c", file.toString()), HINT).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      // drwxr-xr-x root/root         0 2026-12-04 04:54 ./usr/share/sngw/
      String[] fields = line.strip().split("\\s+", 6);
      String[] nameAndTarget = fields[5].split(" -> ", 2);
      String path = nameAndTarget[0].substring(1);
      if (path.length() > 1 && path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      entries.put(path, new Entry(fields[0], fields[1], path, nameAndTarget.length == 2 ? nameAndTarget[1] : null));
    }
    return entries;
  }

  /** The files as they would be installed, under {@code root}. */
  void extractTo(Path root) {
    Commands.run(List.of("dpkg-deb", "-x", file.toString(), root.toString()), HINT);
  }

  /** The control archive (control, conffiles, maintainer scripts) into {@code dir}. */
  void extractControlTo(Path dir) {
    Commands.run(List.of("dpkg-deb", "-e", file.toString(), dir.toString()), HINT);
  }
}
