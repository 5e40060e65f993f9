package org.sngw.transport.ble;

import java.time.Duration;
import org.sngw.transport.BlePeer;

/**
 * What happens to the adapter and the devices, reported by the loop once per change of state:
 * to the log in production, to a list in tests.
 */
interface BleEvents {
  /** The adapter is usable and scanning began, for the first time since start or after an outage. */
  void adapterReady(boolean again);

  /** The adapter cannot be used, the first time in an outage. */
  void adapterUnavailable(String reason);

  /** A further attempt in the same outage failed. */
  void adapterStillUnavailable(String reason);

  /** The adapter was lost while in use; {@code peers} connected devices are being reported lost. */
  void adapterLost(String reason, int peers);

  void connected(BlePeer peer, int payloadSize, boolean reconnect);

  /** A connect failed, the first time since the device was last connected or first tried. */
  void connectFailed(BlePeer peer, String reason, Duration retryIn);

  /** A further connect to the same device failed. */
  void connectStillFailing(BlePeer peer, String reason, Duration retryIn);

  /** The link to a connected device ended after {@code upFor}; its loss goes to the listener. */
  void disconnected(BlePeer peer, Duration upFor, Duration retryIn);

  /** The radio refused to resume scanning on a usable adapter; tried again after {@code retryIn}. */
  void scanRefused(String reason, Duration retryIn);

  /** Every connection is in use; scanning stays paused until one ends. */
  void full(int maxConnections);
}
