package org.sngw.transport;

/** A transport could not start; the message names the resource and the reason. */
public class TransportException extends Exception {
  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }

  public TransportException(String message) {
    super(message);
  }
}
