package org.sngw.transport.ble;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sngw.transport.BlePeer;

/** Events as short lines, e.g. {@code connectFailed AA:BB:CC:DD:EE:01 retry PT1S}. */
final class RecordingEvents implements BleEvents {
  final List<String> lines = new ArrayList<>();

  @Override
  public void adapterReady(boolean again) {
    lines.add(again ? "adapterReady again" : "adapterReady");
  }

  @Override
  public void adapterUnavailable(String reason) {
    lines.add("adapterUnavailable");
  }

  @Override
  public void adapterStillUnavailable(String reason) {
    lines.add("adapterStillUnavailable");
  }

  @Override
  public void adapterLost(String reason, int peers) {
    lines.add("adapterLost " + peers);
  }

  @Override
  public void connected(BlePeer peer, int payloadSize, boolean reconnect) {
    lines.add((reconnect ? "reconnected " : "connected ") + peer.deviceAddress());
  }

  @Override
  public void connectFailed(BlePeer peer, String reason, Duration retryIn) {
    lines.add("connectFailed " + peer.deviceAddress() + " retry " + retryIn);
  }

  @Override
  public void connectStillFailing(BlePeer peer, String reason, Duration retryIn) {
    lines.add("connectStillFailing " + peer.deviceAddress() + " retry " + retryIn);
  }

  @Override
  public void disconnected(BlePeer peer, Duration upFor, Duration retryIn) {
    lines.add("disconnected " + peer.deviceAddress() + " retry " + retryIn);
  }

  @Override
  public void scanRefused(String reason, Duration retryIn) {
    lines.add("scanRefused retry " + retryIn);
  }

  @Override
  public void full(int maxConnections) {
    lines.add("full " + maxConnections);
  }

  long count(String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).count();
  }
}
