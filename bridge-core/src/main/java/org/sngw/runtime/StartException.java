package org.sngw.runtime;

/**
 * A part of the gateway could not start: a port in use, a device whose settings can never work, a
 * damaged store, an unusable certificate. The message is the one line the user sees, naming the
 * resource and the reason; the gateway stops what it had started and reports it as it is.
 */
public class StartException extends Exception {
  public StartException(String message) {
    super(message);
  }

  public StartException(String message, Throwable cause) {
    super(message, cause);
  }
}
