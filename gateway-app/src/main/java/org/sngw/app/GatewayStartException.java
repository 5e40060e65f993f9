package org.sngw.app;

/** The gateway could not start; the message is one line a user can act on. */
public class GatewayStartException extends Exception {
  public GatewayStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
