package org.sngw.bridge;

/** Where a bridge's upstream connection stands. */
public enum BridgeState {
  CONNECTING,
  CONNECTED,
  /** Unreachable or dropped: messages wait in the outbox; a reconnect is scheduled. */
  WAITING,
  STOPPED
}
