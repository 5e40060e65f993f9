package org.sngw.transport.ble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.sngw.transport.ble.central.BleCentral;
import org.sngw.transport.ble.central.BleConnection;
import org.sngw.transport.ble.central.BleException;
import org.sngw.transport.ble.central.GattProfile;

class OnDemandCentralTest {
  private final AtomicInteger attempts = new AtomicInteger();

  @Test
  void isAvailable_whileTheOpenerFails_isFalseAndTriesAgainNextTime() {
    OnDemandCentral central = new OnDemandCentral(() -> {
      attempts.incrementAndGet();
      throw new BleException("cannot connect to the system bus");
    });

    assertThat(central.isAvailable()).isFalse();
    assertThat(central.isAvailable()).isFalse();
    assertThat(attempts).hasValue(2);
  }

  @Test
  void isAvailable_onceOpened_asksTheRealCentralWithoutOpeningAgain() {
    OnDemandCentral central = new OnDemandCentral(() -> {
      attempts.incrementAndGet();
      return new PoweredCentral();
    });

    assertThat(central.isAvailable()).isTrue();
    assertThat(central.isAvailable()).isTrue();
    assertThat(attempts).hasValue(1);
  }

  @Test
  void connect_whenItCannotOpen_failsTheFuture() {
    OnDemandCentral central = new OnDemandCentral(() -> {
      throw new BleException("no adapter hci0");
    });

    assertThat(central.connect("AA:BB:CC:DD:EE:FF", GattProfile.NORDIC_UART)).isCompletedExceptionally();
  }

  private static final class PoweredCentral implements BleCentral {
    @Override
    public boolean isAvailable() {
      return true;
    }

    @Override
    public void startScan(GattProfile profile, Consumer<String> deviceSeen) {}

    @Override
    public void stopScan() {}

    @Override
    public CompletableFuture<BleConnection> connect(String deviceAddress, GattProfile profile) {
      return new CompletableFuture<>();
    }

    @Override
    public void close() {}
  }
}
