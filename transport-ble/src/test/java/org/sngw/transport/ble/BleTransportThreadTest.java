package org.sngw.transport.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sngw.transport.ble.BleFixture.A;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sngw.time.VirtualTime;
import org.sngw.transport.BlePeer;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.TransportException;
import org.sngw.transport.TransportListener;

/** The public constructor, with its own thread: who calls the listener, and closing from it. */
class BleTransportThreadTest {
  private final FakeCentral central = new FakeCentral();
  // Scheduled on from the transport's thread only; this test never advances it.
  private final VirtualTime time = new VirtualTime();
  private final BleTransport transport = new BleTransport(BleConfig.defaults(), central, time, time);
  private final List<String> listenerThreads = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    transport.close();
  }

  @Test
  void frames_onTheTransportsOwnThread_andCloseFromTheListenerReturnsAtOnce() throws TransportException {
    transport.start(new TransportListener() {
      @Override
      public void onFrame(PeerAddress from, ByteBuffer frame) {
        listenerThreads.add(Thread.currentThread().getName());
        if (listenerThreads.size() == 2) {
          transport.close();
        }
      }

      @Override
      public void onPeerLost(PeerAddress peer) {}
    });
    FakePeripheral sensor = central.peripheral(A);
    await().atMost(Duration.ofSeconds(5)).until(central::scanning);
    sensor.advertise();
    await().atMost(Duration.ofSeconds(5)).until(sensor::connected);

    sensor.notify(Frames.PINGREQ);
    await().atMost(Duration.ofSeconds(5)).until(() -> listenerThreads.size() == 1);
    transport.send(new BlePeer(A), ByteBuffer.wrap(Frames.ofLength(50, 1)));
    await().atMost(Duration.ofSeconds(5)).until(() -> sensor.received().length == 50);
    sensor.notify(Frames.PINGREQ);

    // Had close waited for the thread it runs on, the central would be closed only after the wait.
    await().atMost(Duration.ofSeconds(1)).until(() -> central.closed);
    assertThat(listenerThreads).containsExactly("ble-hci0", "ble-hci0");
    assertThat(sensor.received()).isEqualTo(Frames.ofLength(50, 1));
    assertThat(sensor.connection().disconnectCalled).isTrue();
  }
}
