package org.sngw.transport.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sngw.transport.ble.BleFixture.A;
import static org.sngw.transport.ble.BleFixture.B;
import static org.sngw.transport.ble.BleFixture.C;
import static org.sngw.transport.ble.BleFixture.RECONNECT_MIN;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sngw.transport.BlePeer;
import org.sngw.transport.TransportException;
import org.sngw.transport.ble.central.GattProfile;

/** Scanning, connecting, losing and regaining devices and the adapter, on virtual time. */
class BleTransportConnectionTest {
  private final BleFixture ble = new BleFixture();

  @Test
  void start_adapterAvailable_scansForConfiguredServiceAndConnectsDeviceSeen() {
    ble.started();
    FakePeripheral sensor = ble.connected(A);

    assertThat(ble.central.scannedProfile).isEqualTo(GattProfile.NORDIC_UART);
    assertThat(sensor.connected()).isTrue();
    assertThat(ble.transport.connectedDevices()).isEqualTo(1);
    assertThat(ble.transport.isAdapterReady()).isTrue();
    assertThat(ble.transport.name()).isEqualTo("ble:hci0");
    assertThat(ble.events.lines).containsExactly("adapterReady", "connected " + A);
  }

  @Test
  void connect_underWay_scanPausedThenResumed() {
    ble.started();
    FakePeripheral sensor = ble.central.peripheral(A);
    sensor.answer = FakePeripheral.Answer.HOLD;

    sensor.advertise();
    assertThat(ble.central.scanning()).isFalse();
    ble.central.peripheral(B).advertise();
    sensor.acceptHeld();

    assertThat(ble.central.scanning()).isTrue();
    assertThat(ble.central.scannedWhileConnecting).isFalse();
    assertThat(ble.central.calls).containsExactly("scan", "stop", "connect " + A, "scan");
  }

  @Test
  void seen_repeatedlyWhileConnected_connectedOnce() {
    ble.started();
    ble.connected(A);

    ble.central.sighting(A);
    ble.central.sighting(A.toLowerCase());

    assertThat(ble.central.connectAttempts(A)).isEqualTo(1);
  }

  @Test
  void allowlist_set_onlyListedDevicesConnected() {
    BleFixture listed = new BleFixture(BleFixture.config(Set.of(B.toLowerCase()), 8, false)).started();

    FakePeripheral a = listed.connected(A);
    FakePeripheral b = listed.connected(B);

    assertThat(a.connected()).isFalse();
    assertThat(b.connected()).isTrue();
    assertThat(listed.central.calls).doesNotContain("connect " + A);
  }

  @Test
  void maxConnections_reached_noFurtherConnectsAndScanPausedUntilOneEnds() {
    BleFixture two = new BleFixture(BleFixture.config(Set.of(), 2, false)).started();
    FakePeripheral a = two.connected(A);
    two.connected(B);
    FakePeripheral c = two.central.peripheral(C);

    c.advertise();
    assertThat(c.connected()).isFalse();
    assertThat(two.central.scanning()).isFalse();
    assertThat(two.events.count("full")).isEqualTo(1);

    a.drop();
    assertThat(two.central.scanning()).isTrue();
    c.advertise();

    assertThat(c.connected()).isTrue();
    assertThat(two.transport.connectedDevices()).isEqualTo(2);
  }

  @Test
  void drop_afterFrames_peerLostAndReconnectedWhenSeenAfterMinimumBackoff() {
    ble.started();
    FakePeripheral sensor = ble.connected(A);
    sensor.notify(Frames.PINGREQ);

    sensor.drop();
    assertThat(ble.listener.lost).containsExactly(new BlePeer(A));
    assertThat(ble.transport.connectedDevices()).isZero();
    sensor.advertise();
    assertThat(sensor.connected()).isFalse();
    ble.advance(RECONNECT_MIN.minusMillis(1));
    sensor.advertise();
    assertThat(sensor.connected()).isFalse();
    ble.advance(Duration.ofMillis(1));
    sensor.advertise();

    assertThat(sensor.connected()).isTrue();
    assertThat(ble.transport.reconnectCount()).isEqualTo(1);
    assertThat(ble.events.lines).containsSubsequence("connected " + A, "disconnected " + A + " retry PT1S",
        "reconnected " + A);
  }

  @Test
  void drop_repeatedlyBeforeAnyFrame_backoffDoublesPerDrop() {
    ble.started();
    FakePeripheral sensor = ble.connected(A);

    assertThat(retryAfterDrop(sensor)).isEqualTo(Duration.ofSeconds(1));
    assertThat(retryAfterDrop(sensor)).isEqualTo(Duration.ofSeconds(2));
    assertThat(retryAfterDrop(sensor)).isEqualTo(Duration.ofSeconds(4));
    sensor.notify(Frames.PINGREQ);
    assertThat(retryAfterDrop(sensor)).isEqualTo(Duration.ofSeconds(1));
  }

  /** Drops the link, then finds the shortest whole-second wait after which a sighting reconnects. */
  private Duration retryAfterDrop(FakePeripheral sensor) {
    sensor.drop();
    for (int seconds = 1; seconds <= 60; seconds++) {
      ble.advance(Duration.ofSeconds(1));
      sensor.advertise();
      if (sensor.connected()) {
        return Duration.ofSeconds(seconds);
      }
    }
    throw new AssertionError("not reconnected within a minute");
  }

  @Test
  void connect_fails_backoffPerDeviceAndOneWarningPerRun() {
    ble.started();
    FakePeripheral failing = ble.central.peripheral(A);
    failing.answer = FakePeripheral.Answer.REFUSE;

    failing.advertise();
    assertThat(ble.central.scanning()).isTrue();
    failing.advertise();
    assertThat(ble.central.connectAttempts(A)).isEqualTo(1);
    ble.advance(Duration.ofSeconds(1));
    failing.advertise();
    ble.advance(Duration.ofSeconds(1));
    failing.advertise();
    assertThat(ble.central.connectAttempts(A)).isEqualTo(2);
    ble.advance(Duration.ofSeconds(1));
    failing.advertise();
    assertThat(ble.central.connectAttempts(A)).isEqualTo(3);
    FakePeripheral other = ble.connected(B);

    assertThat(other.connected()).isTrue();
    assertThat(ble.events.count("connectFailed")).isEqualTo(1);
    assertThat(ble.events.count("connectStillFailing")).isEqualTo(2);
    assertThat(ble.transport.connectFailures()).isEqualTo(3);
  }

  @Test
  void connect_failsThenSucceeds_nextFailureWarnsAgain() {
    ble.started();
    FakePeripheral sensor = ble.central.peripheral(A);
    sensor.answer = FakePeripheral.Answer.REFUSE;
    sensor.advertise();
    ble.advance(Duration.ofSeconds(1));
    sensor.answer = FakePeripheral.Answer.ACCEPT;
    sensor.advertise();
    sensor.notify(Frames.PINGREQ);
    sensor.drop();
    sensor.answer = FakePeripheral.Answer.REFUSE;

    ble.advance(Duration.ofSeconds(1));
    sensor.advertise();

    assertThat(ble.events.count("connectFailed")).isEqualTo(2);
    assertThat(ble.events.count("connectStillFailing")).isZero();
  }

  @Test
  void connect_neverAnswered_timesOutResumesScanAndDisconnectsLateConnection() {
    ble.started();
    FakePeripheral slow = ble.central.peripheral(A);
    slow.answer = FakePeripheral.Answer.HOLD;
    slow.advertise();

    ble.advance(Supervisor.CONNECT_TIMEOUT);
    assertThat(ble.central.scanning()).isTrue();
    assertThat(ble.transport.connectFailures()).isEqualTo(1);
    FakeConnection late = slow.acceptHeld();

    assertThat(late.disconnectCalled).isTrue();
    assertThat(ble.transport.connectedDevices()).isZero();
    assertThat(ble.listener.lost).isEmpty();
  }

  @Test
  void start_adapterUnavailable_oneWarningRetriesWithBackoffThenConnects() {
    ble.central.available = false;
    ble.started();
    assertThat(ble.transport.isAdapterReady()).isFalse();
    assertThat(ble.central.availabilityChecks).isEqualTo(1);

    ble.advance(Duration.ofSeconds(1));
    assertThat(ble.central.availabilityChecks).isEqualTo(2);
    ble.advance(Duration.ofSeconds(2));
    assertThat(ble.central.availabilityChecks).isEqualTo(3);
    ble.advance(Duration.ofSeconds(3));
    assertThat(ble.central.availabilityChecks).isEqualTo(3);
    ble.advance(Duration.ofSeconds(1));
    assertThat(ble.central.availabilityChecks).isEqualTo(4);
    ble.central.available = true;
    ble.advance(Duration.ofSeconds(8));
    FakePeripheral sensor = ble.connected(A);

    assertThat(sensor.connected()).isTrue();
    assertThat(ble.transport.isAdapterReady()).isTrue();
    assertThat(ble.events.lines).containsExactly("adapterUnavailable", "adapterStillUnavailable",
        "adapterStillUnavailable", "adapterStillUnavailable", "adapterReady", "connected " + A);
  }

  @Test
  void start_adapterUnavailableForLong_retriesCappedAtMaximum() {
    ble.central.available = false;
    ble.started();
    ble.advance(Duration.ofMinutes(10));
    int checks = ble.central.availabilityChecks;

    ble.advance(BleFixture.RECONNECT_MAX);

    assertThat(ble.central.availabilityChecks).isEqualTo(checks + 1);
  }

  @Test
  void adapter_lostWhileInUse_peersLostThenBackWhenAdapterReturns() {
    ble.started();
    FakePeripheral a = ble.connected(A);
    FakePeripheral b = ble.connected(B);
    ble.central.available = false;

    ble.advance(Supervisor.ADAPTER_CHECK);
    assertThat(ble.listener.lost).containsExactlyInAnyOrder(new BlePeer(A), new BlePeer(B));
    assertThat(ble.transport.connectedDevices()).isZero();
    assertThat(ble.transport.isAdapterReady()).isFalse();
    assertThat(a.connection().disconnectCalled).isTrue();
    ble.advance(Duration.ofSeconds(3));
    ble.central.available = true;
    ble.advance(Duration.ofSeconds(4));
    b.advertise();

    assertThat(b.connected()).isTrue();
    assertThat(ble.events.lines).containsSubsequence("adapterLost 2", "adapterStillUnavailable", "adapterReady again",
        "reconnected " + B);
    assertThat(ble.events.count("adapterUnavailable")).isZero();
  }

  @Test
  void scan_refusedAfterConnectOnUsableAdapter_linkStaysOneWarningRetriedAtAdapterCheck() {
    ble.started();
    FakePeripheral a = ble.central.peripheral(A);
    FakePeripheral b = ble.central.peripheral(B);
    ble.central.refuseScan = true;

    a.advertise();
    ble.advance(Supervisor.ADAPTER_CHECK.multipliedBy(3));
    assertThat(ble.central.scanning()).isFalse();
    ble.central.refuseScan = false;
    ble.advance(Supervisor.ADAPTER_CHECK);
    b.advertise();

    assertThat(a.connected()).isTrue();
    assertThat(b.connected()).isTrue();
    assertThat(ble.listener.lost).isEmpty();
    assertThat(ble.events.count("scanRefused")).isEqualTo(1);
    assertThat(ble.events.count("adapterLost")).isZero();
  }

  @Test
  void start_badSettings_throwsNamingEachField() {
    BleConfig d = BleConfig.defaults();
    BleConfig bad = new BleConfig(" ", d.service(), d.receive(), d.send(), Set.of("AA:BB:CC", A), 0, false,
        Duration.ZERO, d.reconnectMax());
    BleFixture fixture = new BleFixture(bad);

    assertThatThrownBy(() -> fixture.transport.start(fixture.listener))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("adapter is empty")
        .hasMessageContaining("maxConnections must be positive: 0")
        .hasMessageContaining("reconnectMin must be positive")
        .hasMessageContaining("allowlist entry 'AA:BB:CC'");
  }

  @Test
  void close_running_stopsScanDisconnectsAllCancelsTimersWithoutReportingLoss() {
    ble.started();
    FakePeripheral a = ble.connected(A);
    FakePeripheral b = ble.connected(B);
    FakePeripheral held = ble.central.peripheral(C);
    held.answer = FakePeripheral.Answer.HOLD;
    held.advertise();

    ble.transport.close();
    ble.transport.close();

    assertThat(a.connection().disconnectCalled).isTrue();
    assertThat(b.connection().disconnectCalled).isTrue();
    assertThat(ble.central.closed).isTrue();
    assertThat(ble.central.scanning()).isFalse();
    assertThat(ble.listener.lost).isEmpty();
    assertThat(ble.time.pendingTasks()).isZero();
    assertThat(ble.transport.connectedDevices()).isZero();
    assertThat(ble.transport.isAdapterReady()).isFalse();
    ble.send(A, Frames.PINGREQ);
    assertThat(ble.transport.stats().dropped().sum()).isEqualTo(1);
    assertThatThrownBy(() -> ble.transport.start(ble.listener)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void close_whileAdapterUnavailable_retriesStop() {
    ble.central.available = false;
    ble.started();

    ble.transport.close();
    ble.advance(Duration.ofMinutes(5));

    assertThat(ble.central.availabilityChecks).isEqualTo(1);
    assertThat(ble.central.closed).isTrue();
  }

  @Test
  void close_neverStarted_closesCentral() {
    ble.transport.close();

    assertThat(ble.central.closed).isTrue();
  }
}
