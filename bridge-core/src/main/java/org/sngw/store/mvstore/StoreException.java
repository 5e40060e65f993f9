package org.sngw.store.mvstore;

import org.sngw.runtime.StartException;

/** The store file cannot be used; the message is one line and names the file. */
public final class StoreException extends StartException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
