package org.sngw.transport.ble;

import org.sngw.time.Backoff;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.sngw.transport.BlePeer;

/**
 * When each device may be connected to again. A failed connect, or a link that dropped before a
 * single frame came over it, backs the device off, doubling up to the maximum; a link that carried
 * frames and then dropped (a sensor going to sleep) waits only the minimum. Used on the loop.
 */
final class DeviceBook {
  private static final class Device {
    /** Failures in a row, for the backoff; a link that carried frames starts over. */
    int failures;
    /** Failed connects since the last link, to tell the first of a run apart. */
    int failedConnects;
    long retryAtNanos;
    boolean hadLink;
  }

  private final Backoff backoff;
  private final Map<BlePeer, Device> devices = new HashMap<>();

  DeviceBook(Backoff backoff) {
    this.backoff = backoff;
  }

  /** Whether a sighting of {@code peer} at {@code nowNanos} may lead to a connect. */
  boolean mayConnect(BlePeer peer, long nowNanos) {
    Device device = devices.get(peer);
    return device == null || nowNanos - device.retryAtNanos >= 0;
  }

  /**
   * A connect failed.
   *
   * @return whether it is the first since the device was last connected, or first tried
   */
  boolean failed(BlePeer peer, long nowNanos) {
    Device device = devices.computeIfAbsent(peer, p -> new Device());
    device.failures++;
    device.retryAtNanos = nowNanos + backoff.delay(device.failures - 1).toNanos();
    return device.failedConnects++ == 0;
  }

  /**
   * A link is up.
   *
   * @return whether the device had a link before: this one is a reconnect
   */
  boolean connected(BlePeer peer) {
    Device device = devices.computeIfAbsent(peer, p -> new Device());
    boolean again = device.hadLink;
    device.hadLink = true;
    device.failedConnects = 0;
    return again;
  }

  /** A link ended, after frames came over it ({@code heard}) or before. */
  void dropped(BlePeer peer, long nowNanos, boolean heard) {
    Device device = devices.computeIfAbsent(peer, p -> new Device());
    if (heard) {
      device.failures = 0;
      device.retryAtNanos = nowNanos + backoff.initial().toNanos();
    } else {
      device.failures++;
      device.retryAtNanos = nowNanos + backoff.delay(device.failures - 1).toNanos();
    }
  }

  /** The wait before the next connect, as set by the last failure or drop. */
  Duration retryIn(BlePeer peer, long nowNanos) {
    Device device = devices.get(peer);
    return device == null ? Duration.ZERO : Duration.ofNanos(Math.max(0, device.retryAtNanos - nowNanos));
  }

  /**
   * Forgets devices that never had a link and were not tried for a while (strangers offering the
   * service, passers-by), so the book does not grow with every address ever seen.
   */
  void forgetStale(long nowNanos) {
    long staleAfter = backoff.max().toNanos();
    devices.values().removeIf(d -> !d.hadLink && nowNanos - d.retryAtNanos > staleAfter);
  }

  int size() {
    return devices.size();
  }
}
