package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/** A subscriber that stops reading costs the gateway a bounded buffer, not a copy of everything. */
class MqttListenerSlowClientIT {
  private static final int MESSAGES = 40_000;
  private static final int PAYLOAD_BYTES = 1024;
  /**
   * What can be in flight without the listener's buffer: the client's receive and the server's
   * send buffer in the kernel, autotuned up to about 6 and 4 MB on Linux.
   */
  private static final long KERNEL_BUFFERS = 12L << 20;

  private final ListenerHarness harness = new ListenerHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void qos0ToASubscriberThatNeverReads_isDroppedOnceItsBufferIsFull() throws Exception {
    try (RawClient client = RawClient.connected(harness.address(), "never-reads", 0)) {
      client.send(RawClient.subscribe(1, "#", 0, "other", 0));
      client.expect(0x90, 0x04, 0x00, 0x01, 0x00, 0x00);

      Message message = new Message("flood/1", new byte[PAYLOAD_BYTES], Qos.AT_MOST_ONCE, false);
      for (int i = 0; i < MESSAGES; i++) {
        harness.publishFromBroker(message);
      }
      CompletableFuture.runAsync(() -> { }, harness.core).join();

      long mostThatFits = (MqttListener.WRITE_BUFFER_HIGH_BYTES + KERNEL_BUFFERS) / PAYLOAD_BYTES;
      assertThat(harness.listener.stats().qos0Dropped()).isGreaterThanOrEqualTo(MESSAGES - mostThatFits);
    }
  }
}
