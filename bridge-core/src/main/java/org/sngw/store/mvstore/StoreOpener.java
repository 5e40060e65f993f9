package org.sngw.store.mvstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.store.StoredState;

/**
 * Opens the store file at start and reads all of it, so that damage shows now and not in the
 * middle of a run. A damaged file is moved aside, never deleted; a newer or locked one is refused
 * and left alone.
 */
final class StoreOpener {
  private static final Logger LOG = LoggerFactory.getLogger(StoreOpener.class);

  private StoreOpener() {}

  static OpenedStore open(StoreFile file, boolean recover) throws StoreException {
    boolean existing;
    try {
      existing = file.hasContent();
    } catch (IOException e) {
      throw new StoreException(file + " cannot be read: " + oneLine(e), e);
    }
    try {
      return read(file);
    } catch (MVStoreException e) {
      if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
        throw new StoreException(file + " is in use by another process: " + oneLine(e), e);
      }
      if (e.getErrorCode() == DataUtils.ERROR_UNSUPPORTED_FORMAT) {
        throw new StoreException(file + " was written by a newer storage engine than this release has: " + oneLine(e), e);
      }
      return failed(file, existing, e, recover);
    } catch (RuntimeException e) {
      return failed(file, existing, e, recover);
    }
  }

  private static OpenedStore read(StoreFile file) throws StoreException {
    MVStore store = file.open();
    try {
      StateMaps maps = new StateMaps(store);
      int version = maps.formatVersion();
      if (version > StateMaps.FORMAT_VERSION) {
        throw new StoreException(file + " has format version " + version + ", newer than this release reads ("
            + StateMaps.FORMAT_VERSION + "); run a newer release or move the file away");
      }
      if (version == 0) {
        // new, or created by a start that died before its first commit
        if (!maps.isEmpty()) {
          throw new ValueFormatException("no format version in a file that holds data");
        }
        stamp(file, store, maps);
        return new OpenedStore(store, maps, StoredState.empty());
      }
      return new OpenedStore(store, maps, new StateReader(maps).read());
    } catch (StoreException | RuntimeException e) {
      store.closeImmediately();
      throw e;
    }
  }

  /** The format version goes to disk, with the file's directory entry, before anything is acknowledged. */
  private static void stamp(StoreFile file, MVStore store, StateMaps maps) {
    maps.stampFormatVersion();
    store.commit();
    store.sync();
    try {
      file.syncDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static OpenedStore failed(StoreFile file, boolean existing, RuntimeException cause, boolean recover)
      throws StoreException {
    if (!existing) {
      throw new StoreException(file + " cannot be created: " + oneLine(cause), cause);
    }
    // The one-line StoreException says it all; the trace is for a developer, at debug level.
    LOG.debug("{} is damaged or unreadable", file, cause);
    Path aside;
    try {
      aside = file.moveAside();
    } catch (IOException e) {
      throw new StoreException(file + " is damaged or unreadable (" + oneLine(cause) + ") and could not be moved aside: "
          + oneLine(e), cause);
    }
    if (!recover) {
      throw new StoreException(file + " is damaged or unreadable (" + oneLine(cause) + "); moved aside to " + aside
          + "; start with --recover to begin with an empty store", cause);
    }
    LOG.warn("{} moved aside to {}; starting with an empty store as --recover asks", file, aside);
    try {
      return read(file);
    } catch (RuntimeException e) {
      throw new StoreException(file + " cannot be created: " + oneLine(e), e);
    }
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
