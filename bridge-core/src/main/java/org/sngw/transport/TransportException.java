package org.sngw.transport;

import org.sngw.runtime.StartException;

/** A transport could not start; the message names the resource and the reason. */
public class TransportException extends StartException {
  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }

  public TransportException(String message) {
    super(message);
  }
}
