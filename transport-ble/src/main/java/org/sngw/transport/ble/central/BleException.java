package org.sngw.transport.ble.central;

/** The radio could not do what was asked; the message says why in one line. */
public class BleException extends Exception {
  public BleException(String message, Throwable cause) {
    super(message, cause);
  }

  public BleException(String message) {
    super(message);
  }
}
