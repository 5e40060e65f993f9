package org.sngw.transport.ble;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sngw.transport.ble.central.BleConnection;
import org.sngw.transport.ble.central.BleException;

/**
 * A sensor in range of the {@link FakeCentral}: advertises, takes or refuses connections or leaves
 * them hanging, sends notifications in whatever chunks the test picks, records what is written to
 * it, and can drop the link.
 */
final class FakePeripheral {
  enum Answer { ACCEPT, REFUSE, HOLD }

  final String address;
  private final FakeCentral central;
  /** What every write ever made to this peripheral carried, over all its links. */
  final List<FakeConnection.Write> writes = new CopyOnWriteArrayList<>();
  Answer answer = Answer.ACCEPT;
  int payloadSize = 20;
  boolean completeWrites = true;
  private CompletableFuture<BleConnection> pendingConnect;
  private volatile FakeConnection connection;

  FakePeripheral(String address, FakeCentral central) {
    this.address = address;
    this.central = central;
  }

  /** Advertises once, unless connected (these sensors stop advertising while they are). */
  void advertise() {
    if (!connected()) {
      central.sighting(address);
    }
  }

  CompletableFuture<BleConnection> connectRequested() {
    return switch (answer) {
      case ACCEPT -> CompletableFuture.completedFuture(newConnection());
      case REFUSE -> CompletableFuture.failedFuture(
          new BleException("org.bluez.Error.Failed: le-connection-abort-by-local"));
      case HOLD -> pendingConnect = new CompletableFuture<>();
    };
  }

  /** Lets a held connect through now. */
  FakeConnection acceptHeld() {
    FakeConnection accepted = newConnection();
    pendingConnect.complete(accepted);
    return accepted;
  }

  private FakeConnection newConnection() {
    connection = new FakeConnection(address, payloadSize, completeWrites, writes);
    return connection;
  }

  boolean connected() {
    return connection != null && connection.isUp();
  }

  /** The current or last link. */
  FakeConnection connection() {
    return connection;
  }

  void notify(byte[]... chunks) {
    for (byte[] chunk : chunks) {
      connection.notifyChunk(chunk);
    }
  }

  /** The link drops from the peripheral's side (out of range, gone to sleep, reset). */
  void drop() {
    connection.linkLost();
  }

  /** Every byte written to it, in order. */
  byte[] received() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    writes.forEach(w -> all.writeBytes(w.chunk()));
    return all.toByteArray();
  }
}
