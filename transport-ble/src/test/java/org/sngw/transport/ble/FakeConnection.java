package org.sngw.transport.ble;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.sngw.transport.ble.central.BleConnection;
import org.sngw.transport.ble.central.BleException;

/** One link to a {@link FakePeripheral}; writes complete at once, or when the test says. */
final class FakeConnection implements BleConnection {
  record Write(byte[] chunk, boolean withResponse) {}

  private final String address;
  private final int payloadSize;
  private final boolean completeWrites;
  private final List<Write> writes;
  private final Queue<CompletableFuture<Void>> pending = new ArrayDeque<>();
  private volatile Consumer<byte[]> notifications;
  private volatile Runnable disconnected;
  private volatile boolean up = true;
  volatile boolean disconnectCalled;
  int writesInFlightMax;

  FakeConnection(String address, int payloadSize, boolean completeWrites, List<Write> writes) {
    this.address = address;
    this.payloadSize = payloadSize;
    this.completeWrites = completeWrites;
    this.writes = writes;
  }

  @Override
  public String deviceAddress() {
    return address;
  }

  @Override
  public int payloadSize() {
    return payloadSize;
  }

  @Override
  public void onNotification(Consumer<byte[]> data) {
    notifications = data;
  }

  @Override
  public void onDisconnected(Runnable handler) {
    disconnected = handler;
  }

  @Override
  public CompletableFuture<Void> write(byte[] chunk, boolean withResponse) {
    if (!up) {
      return CompletableFuture.failedFuture(new BleException("Not connected"));
    }
    if (chunk.length > payloadSize) {
      throw new IllegalArgumentException("chunk of " + chunk.length + " bytes over " + payloadSize);
    }
    writes.add(new Write(chunk.clone(), withResponse));
    if (completeWrites) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> write = new CompletableFuture<>();
    pending.add(write);
    writesInFlightMax = Math.max(writesInFlightMax, pending.size());
    return write;
  }

  /** Writes waiting for the test to complete them. */
  int pendingWrites() {
    return pending.size();
  }

  void completeWrite() {
    pending.remove().complete(null);
  }

  void failWrite() {
    pending.remove().completeExceptionally(new BleException("org.bluez.Error.Failed: write failed"));
  }

  @Override
  public void disconnect() {
    disconnectCalled = true;
    linkLost();
  }

  void notifyChunk(byte[] chunk) {
    if (up) {
      notifications.accept(chunk.clone());
    }
  }

  /** The link is gone: told once, as BlueZ would. */
  void linkLost() {
    if (up) {
      up = false;
      if (disconnected != null) {
        disconnected.run();
      }
    }
  }

  boolean isUp() {
    return up;
  }
}
