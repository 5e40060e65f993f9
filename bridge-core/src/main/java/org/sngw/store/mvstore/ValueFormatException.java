package org.sngw.store.mvstore;

/** A stored key or value does not decode: the file is damaged or was written by a broken release. */
final class ValueFormatException extends RuntimeException {
  ValueFormatException(String message) {
    super(message);
  }

  ValueFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
