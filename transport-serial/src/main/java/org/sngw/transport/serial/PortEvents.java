package org.sngw.transport.serial;

/**
 * What happens to a port over its life, reported by the port thread: to the log in production, to
 * a list in tests.
 */
interface PortEvents {
  /** The port opened for the first time since the transport started. */
  void opened();

  /** The port opened again after it was lost. */
  void reopened();

  /** An attempt to open the port failed, the first since it was last open or since start. */
  void unavailable(String reason);

  /** A further attempt failed in the same outage. */
  void stillUnavailable(String reason);

  /** The open port failed; the {@code peers} sensors heard on it are being reported lost. */
  void lost(String reason, int peers);
}
