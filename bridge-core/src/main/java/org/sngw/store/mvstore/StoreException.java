package org.sngw.store.mvstore;

/** The store file cannot be used; the message is one line and names the file. */
public final class StoreException extends Exception {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
