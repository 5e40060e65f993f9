package org.sngw.transport.ble.central;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One connected peripheral's GATT link. */
public interface BleConnection {
  String deviceAddress();

  /** Bytes one write or notification carries (ATT MTU minus 3). */
  int payloadSize();

  /** Where notifications of the peripheral's send characteristic go, in order. */
  void onNotification(Consumer<byte[]> data);

  /** Told once when the link is gone, whoever ended it. */
  void onDisconnected(Runnable disconnected);

  /**
   * Writes one chunk (at most {@link #payloadSize()} bytes) to the peripheral's receive
   * characteristic; completes when BlueZ took it (with response: when the peripheral confirmed).
   */
  CompletableFuture<Void> write(byte[] chunk, boolean withResponse);

  void disconnect();
}
