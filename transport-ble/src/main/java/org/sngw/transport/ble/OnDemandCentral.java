package org.sngw.transport.ble;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.sngw.transport.ble.central.BleCentral;
import org.sngw.transport.ble.central.BleConnection;
import org.sngw.transport.ble.central.BleException;
import org.sngw.transport.ble.central.GattProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A central that is opened when first needed and opened again after it failed, so a gateway started
 * before bluetoothd (or on a machine without D-Bus) runs on and picks the radio up later: until the
 * opener succeeds the central is simply "not available", which the transport already retries.
 */
public final class OnDemandCentral implements BleCentral {
  private static final Logger log = LoggerFactory.getLogger(OnDemandCentral.class);

  /** Opens the real central; may take a while (a D-Bus connection retries for seconds). */
  @FunctionalInterface
  public interface Opener {
    BleCentral open() throws BleException;
  }

  private final Opener opener;
  private BleCentral central;
  private String lastProblem;

  public OnDemandCentral(Opener opener) {
    this.opener = opener;
  }

  @Override
  public synchronized boolean isAvailable() {
    if (central == null) {
      try {
        central = opener.open();
        lastProblem = null;
      } catch (BleException e) {
        if (!e.getMessage().equals(lastProblem)) {
          log.debug("Bluetooth not reachable yet: {}", e.getMessage());
          lastProblem = e.getMessage();
        }
        return false;
      }
    }
    return central.isAvailable();
  }

  @Override
  public synchronized void startScan(GattProfile profile, Consumer<String> deviceSeen) throws BleException {
    opened().startScan(profile, deviceSeen);
  }

  @Override
  public synchronized void stopScan() {
    if (central != null) {
      central.stopScan();
    }
  }

  @Override
  public synchronized CompletableFuture<BleConnection> connect(String deviceAddress, GattProfile profile) {
    try {
      return opened().connect(deviceAddress, profile);
    } catch (BleException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public synchronized void close() {
    if (central != null) {
      central.close();
      central = null;
    }
  }

  private BleCentral opened() throws BleException {
    if (central == null) {
      central = opener.open();
    }
    return central;
  }
}
