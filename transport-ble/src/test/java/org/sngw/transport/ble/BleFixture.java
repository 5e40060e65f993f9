package org.sngw.transport.ble;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import org.sngw.time.VirtualTime;
import org.sngw.transport.BlePeer;
import org.sngw.transport.TransportException;
import org.sngw.transport.TransportListener;

/** A transport over a fake radio on virtual time, everything on the test thread. */
final class BleFixture {
  static final String A = "AA:BB:CC:DD:EE:01";
  static final String B = "AA:BB:CC:DD:EE:02";
  static final String C = "AA:BB:CC:DD:EE:03";
  static final Duration RECONNECT_MIN = BleConfig.defaults().reconnectMin();
  static final Duration RECONNECT_MAX = BleConfig.defaults().reconnectMax();

  final FakeCentral central = new FakeCentral();
  final VirtualTime time = new VirtualTime();
  final RecordingEvents events = new RecordingEvents();
  final RecordingListener listener = new RecordingListener();
  final BleTransport transport;

  BleFixture() {
    this(BleConfig.defaults());
  }

  BleFixture(BleConfig config) {
    transport = new BleTransport(config, new BleEnvironment(central, time, time, new InlineLoop(), events));
  }

  /** Defaults, but for these. */
  static BleConfig config(Set<String> allowlist, int maxConnections, boolean writeWithResponse) {
    BleConfig d = BleConfig.defaults();
    return new BleConfig(d.adapter(), d.service(), d.receive(), d.send(), allowlist, maxConnections,
        writeWithResponse, d.reconnectMin(), d.reconnectMax());
  }

  BleFixture started() {
    return started(listener);
  }

  BleFixture started(TransportListener to) {
    try {
      transport.start(to);
    } catch (TransportException e) {
      throw new AssertionError(e);
    }
    return this;
  }

  /** A peripheral that advertises once and, as it accepts, is connected. */
  FakePeripheral connected(String address) {
    FakePeripheral peripheral = central.peripheral(address);
    peripheral.advertise();
    return peripheral;
  }

  void send(String address, byte[] frame) {
    transport.send(new BlePeer(address), ByteBuffer.wrap(frame.clone()));
  }

  void advance(Duration by) {
    time.advance(by);
  }
}
