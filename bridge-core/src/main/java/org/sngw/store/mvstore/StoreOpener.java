package org.sngw.store.mvstore;

import java.io.IOException;
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
    if (!existing) {
      return create(file);
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
      return damaged(file, e, recover);
    } catch (RuntimeException e) {
      return damaged(file, e, recover);
    }
  }

  private static OpenedStore read(StoreFile file) throws StoreException {
    MVStore store = file.open();
    try {
      StateMaps maps = new StateMaps(store);
      int version = maps.formatVersion();
      if (version == 0) {
        throw new ValueFormatException("no format version in a file that is not empty");
      }
      if (version > StateMaps.FORMAT_VERSION) {
        throw new StoreException(file + " has format version " + version + ", newer than this release reads ("
            + StateMaps.FORMAT_VERSION + "); run a newer release or move the file away");
      }
      StoredState state = new StateReader(maps).read();
      return new OpenedStore(store, maps, state);
    } catch (StoreException | RuntimeException e) {
      store.closeImmediately();
      throw e;
    }
  }

  private static OpenedStore damaged(StoreFile file, RuntimeException cause, boolean recover) throws StoreException {
    LOG.error("{} is damaged or unreadable", file, cause);
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
    return create(file);
  }

  /** A new file, stamped with the format version and on disk before anything is acknowledged. */
  private static OpenedStore create(StoreFile file) throws StoreException {
    try {
      MVStore store = file.open();
      try {
        StateMaps maps = new StateMaps(store);
        maps.stampFormatVersion();
        store.commit();
        store.sync();
        file.syncDirectory();
        return new OpenedStore(store, maps, StoredState.empty());
      } catch (IOException | RuntimeException e) {
        store.closeImmediately();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      throw new StoreException(file + " cannot be created: " + oneLine(e), e);
    }
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
