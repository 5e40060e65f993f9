package org.sngw.store.mvstore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;

/** The store's file: opened with the gateway's MVStore settings, or moved aside when damaged. */
final class StoreFile {
  static final String NAME = "state.mv.db";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  /**
   * A 4 MB page cache, small for a Pi. {@code autoCompactFillRate} is the fill rate under which
   * {@link MVStore#compactFile} rewrites chunks: at 50 % the file stays within about twice its live
   * data, and the SD card is not rewritten for a small gain.
   */
  private static final Map<String, Object> SETTINGS = Map.of("cacheSize", 4, "autoCompactFillRate", 50);

  /** Makes the MVStore's file layer; tests pass one whose writes fail on demand. */
  interface FileStores {
    SingleFileStore create(Map<String, Object> settings);
  }

  private final Path path;
  private final FileStores fileStores;

  StoreFile(Path path, FileStores fileStores) {
    this.path = path;
    this.fileStores = fileStores;
  }

  Path path() {
    return path;
  }

  boolean hasContent() throws IOException {
    return Files.exists(path) && Files.size(path) > 0;
  }

  /**
   * Opens (or creates) the file with auto-commit off: the store thread decides when to commit.
   *
   * @throws org.h2.mvstore.MVStoreException if the file is locked, damaged or unreadable
   */
  MVStore open() {
    SingleFileStore fileStore = fileStores.create(SETTINGS);
    try {
      fileStore.open(path.toString(), false, null);
      MVStore store = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled().open();
      // the 45 s default keeps freed chunks for writes the OS may not have flushed; every commit
      // here is synced before the next one, so space can be reused at once and the file stays small
      store.setRetentionTime(0);
      return store;
    } catch (RuntimeException e) {
      release(fileStore, e);
      throw e;
    }
  }

  /** After a failed open the file may be open, closed already, or never opened. */
  private static void release(SingleFileStore fileStore, RuntimeException failure) {
    try {
      fileStore.close();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Renames the file to {@code state.mv.db.damaged-<time>}, never overwriting an earlier one. */
  Path moveAside() throws IOException {
    String base = path.getFileName() + ".damaged-" + LocalDateTime.now().format(STAMP);
    Path aside = path.resolveSibling(base);
    for (int n = 2; Files.exists(aside); n++) {
      aside = path.resolveSibling(base + "-" + n);
    }
    Files.move(path, aside, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory();
    return aside;
  }

  /** Makes a created or renamed file's directory entry survive a power cut, as fsync alone does not. */
  void syncDirectory() throws IOException {
    try (FileChannel directory = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
      directory.force(true);
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
